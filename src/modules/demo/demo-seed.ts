/**
 * Demo data for `npm start` on an empty database: the committee of the reference programme, then
 * the programme itself (imported and linked to the committee's people).
 * Idempotent: does nothing when the directory already has units.
 */

import type { Services } from "../../main.js";
import { type RequestContext, systemContext } from "../../platform/context.js";
import { newId, nowIso } from "../../platform/ids.js";
import { importDemoProgramme } from "./demo-programme.js";
import { REFERENCE_PEOPLE, REFERENCE_TERM_START, REFERENCE_UNITS } from "./reference-committee.js";

export interface SeedReport {
  seeded: boolean;
  units: number;
  people: number;
  /** Tasks of the imported reference programme (0 when not imported). */
  tasks: number;
}

export async function seedDemo(
  services: Services,
  ctx: RequestContext = systemContext(),
  options: { withProgramme?: boolean } = {},
): Promise<SeedReport> {
  const report = await seedDirectory(services, ctx);
  if (!report.seeded || options.withProgramme === false) return report;
  const imported = await importDemoProgramme(services, ctx);
  return { ...report, tasks: imported.counts.tasks };
}

async function seedDirectory(services: Services, ctx: RequestContext): Promise<SeedReport> {
  const { db, directory, audit, people } = services;
  const existing = await directory.listUnits(
    db,
    {},
    { limit: 1, offset: 0 },
    { field: "name", direction: "asc" },
  );
  if (existing.total > 0) return { seeded: false, units: 0, people: 0, tasks: 0 };

  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const unitIds = new Map<string, string>();
    for (const u of REFERENCE_UNITS) {
      const parentId = "parent" in u ? (unitIds.get(u.parent) ?? null) : null;
      const unit = await services.units.insert(trx, ctx, {
        name: u.name,
        shortName: u.shortName,
        type: u.type,
        parentId,
      });
      unitIds.set(u.key, unit.id);
    }
    const committeeId = newId();
    await directory.insertCommittee(trx, {
      id: committeeId,
      name: "Ban Chỉ đạo Công tác thông tin đối ngoại thành phố Hải Phòng",
      short_name: "BCĐ TTĐN",
      unit_id: unitIds.get("bcd") ?? null,
      created_at: now,
    });
    await audit.record(trx, ctx, {
      entityType: "committee",
      entityId: committeeId,
      action: "create",
      after: { source: "demo" },
    });
    for (const p of REFERENCE_PEOPLE) {
      const person = await people.insert(trx, ctx, {
        fullName: p.fullName,
        honorific: "Đồng chí",
        position: p.position ?? null,
        unitId: null,
      });
      const memberId = newId();
      await directory.insertMember(trx, {
        id: memberId,
        committee_id: committeeId,
        person_id: person.id,
        role: p.role,
        start_date: REFERENCE_TERM_START,
        end_date: null,
        created_at: now,
        updated_at: now,
      });
      await audit.record(trx, ctx, {
        entityType: "committee_member",
        entityId: memberId,
        action: "create",
        after: { personId: person.id, role: p.role },
      });
    }
    return { seeded: true, units: REFERENCE_UNITS.length, people: REFERENCE_PEOPLE.length, tasks: 0 };
  });
}
