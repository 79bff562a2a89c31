/**
 * Demo data for `npm start` on an empty database: the committee of the reference programme, the
 * programme itself (imported and linked to the committee's people), a member account for one of its
 * lead officials with two check-ins and a few notifications, and some media monitoring (outlets,
 * items, two response cases linked to task 14).
 * Idempotent: does nothing when the directory already has units.
 */

import type { Services } from "../../main.js";
import { type RequestContext, systemContext } from "../../platform/context.js";
import { newId, nowIso } from "../../platform/ids.js";
import {
  createDemoMember,
  DEMO_MEMBER,
  type DemoAccount,
  seedDemoCheckIns,
  seedDemoNotifications,
} from "./demo-activity.js";
import { seedDemoBudgetAndInstallations } from "./demo-budget.js";
import { seedDemoDelegations } from "./demo-delegations.js";
import { seedDemoEvents } from "./demo-events.js";
import { seedDemoCases, seedDemoMonitoringItems } from "./demo-monitoring.js";
import { seedDemoPartners } from "./demo-partners.js";
import { seedDemoPortal } from "./demo-portal.js";
import { demoContext, importDemoProgramme } from "./demo-programme.js";
import { REFERENCE_PEOPLE, REFERENCE_TERM_START, REFERENCE_UNITS } from "./reference-committee.js";

export interface SeedReport {
  seeded: boolean;
  units: number;
  people: number;
  /** Tasks of the imported reference programme (0 when not imported). */
  tasks: number;
  /** The demo member account and its one-time password (print once, store nowhere). */
  member: DemoAccount | null;
  checkIns: number;
  notifications: number;
  /** Demo monitoring items stored. */
  monitoringItems: number;
}

const NOTHING = { member: null, checkIns: 0, notifications: 0, monitoringItems: 0 };

export async function seedDemo(
  services: Services,
  ctx: RequestContext = systemContext(),
  options: { withProgramme?: boolean } = {},
): Promise<SeedReport> {
  const { report, personIds } = await seedDirectory(services, ctx);
  if (!report.seeded || options.withProgramme === false) return report;
  const acting = demoContext(ctx);
  const personId = personIds.get(DEMO_MEMBER.personName);
  // Independent of each other: the monitoring items' analysis loads its language model and the
  // member's password is hashed (off the main thread) while the programme is parsed.
  const [imported, monitoring, member] = await Promise.all([
    importDemoProgramme(services, ctx),
    seedDemoMonitoringItems(services, acting),
    createDemoMember(services, acting, personId),
  ]);
  const programmeId = imported.programme.id;
  const taskIds = new Map((await services.followUpData.load(programmeId)).tasks.map((t) => [t.ref, t.id]));
  const memberUser = await services.authRepository.findUserByEmail(services.db, DEMO_MEMBER.email);
  const checkIns =
    memberUser && personId
      ? await seedDemoCheckIns(services, acting, {
          programmeId,
          taskIds,
          member: { userId: memberUser.id, personId },
        })
      : 0;
  await seedDemoCases(services, acting, {
    caseItems: monitoring.caseItems,
    taskIds,
    assigneePersonId: personId ?? null,
  });
  await seedDemoEvents(services, acting);
  await seedDemoPartners(services, acting);
  await seedDemoPortal(services, acting);
  await seedDemoDelegations(services, acting);
  await seedDemoBudgetAndInstallations(services, acting, { taskIds });
  const notifications = await seedDemoNotifications(services, {
    programmeId,
    taskIds,
    memberUserId: memberUser?.id ?? null,
  });
  return {
    ...report,
    tasks: imported.counts.tasks,
    member,
    checkIns,
    notifications,
    monitoringItems: monitoring.items,
  };
}

async function seedDirectory(
  services: Services,
  ctx: RequestContext,
): Promise<{ report: SeedReport; personIds: Map<string, string> }> {
  const { db, directory, audit, people } = services;
  const existing = await directory.listUnits(
    db,
    {},
    { limit: 1, offset: 0 },
    { field: "name", direction: "asc" },
  );
  const personIds = new Map<string, string>();
  if (existing.total > 0)
    return { report: { seeded: false, units: 0, people: 0, tasks: 0, ...NOTHING }, personIds };

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
        position: p.position,
        unitId: unitIds.get(p.unit) ?? null,
      });
      personIds.set(p.fullName, person.id);
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
    return {
      report: {
        seeded: true,
        units: REFERENCE_UNITS.length,
        people: REFERENCE_PEOPLE.length,
        tasks: 0,
        ...NOTHING,
      },
      personIds,
    };
  });
}
