/**
 * The records an audit page names: for each (kind, id) of the page, a readable name and the page of the
 * web app that shows it. One query per kind present on the page; records since deleted stay unnamed.
 */
import type { DbOrTrx } from "../../platform/db/database.js";

/** What the journal shows for the changed record. */
export interface AuditSubject {
  name: string;
  /** The web app's page for it (a path such as `/tasks/…`), when it has one. */
  link: string | null;
}

export type SubjectKey = `${string}:${string}`;
export const subjectKey = (entityType: string, entityId: string): SubjectKey => `${entityType}:${entityId}`;

const REPORT_KIND: Record<string, string> = { semiannual: "sơ kết 6 tháng", annual: "tổng kết năm" };

const short = (text: string, max = 90) => {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(" ", max);
  return `${clean.slice(0, cut > 0 ? cut : max)}…`;
};

const programmeName = (p: { number: string | null; title: string | null }) =>
  [p.number ? `Chương trình số ${p.number}` : null, p.title].filter(Boolean).join(" — ") || "Chương trình";

export function createAuditSubjectsRepository() {
  return {
    async subjects(
      db: DbOrTrx,
      refs: readonly { entityType: string; entityId: string }[],
    ): Promise<Map<SubjectKey, AuditSubject>> {
      const out = new Map<SubjectKey, AuditSubject>();
      const ids = (type: string) => [
        ...new Set(refs.filter((r) => r.entityType === type).map((r) => r.entityId)),
      ];
      const put = (type: string, id: string, name: string, link: string | null) =>
        out.set(subjectKey(type, id), { name, link });
      const taskName = (ref: string, text: string) => `Nhiệm vụ ${ref}: ${short(text, 70)}`;

      const programmeIds = [...ids("programme"), ...ids("urging_notice")];
      if (programmeIds.length > 0) {
        const rows = await db
          .selectFrom("programmes")
          .select(["id", "number", "title"])
          .where("id", "in", programmeIds)
          .execute();
        for (const p of rows) {
          put("programme", p.id, programmeName(p), `/programmes/${p.id}`);
          put("urging_notice", p.id, programmeName(p), `/programmes/${p.id}`);
        }
      }
      const taskIds = ids("task");
      if (taskIds.length > 0) {
        const rows = await db
          .selectFrom("tasks")
          .select(["id", "ref", "text"])
          .where("id", "in", taskIds)
          .execute();
        for (const t of rows) put("task", t.id, taskName(t.ref, t.text), `/tasks/${t.id}`);
      }
      const checkInIds = ids("check_in");
      if (checkInIds.length > 0) {
        const rows = await db
          .selectFrom("check_ins as c")
          .innerJoin("tasks as t", "t.id", "c.task_id")
          .select(["c.id", "c.party_name", "t.id as task_id", "t.ref", "t.text"])
          .where("c.id", "in", checkInIds)
          .execute();
        for (const c of rows)
          put("check_in", c.id, `${taskName(c.ref, c.text)} — ${c.party_name}`, `/tasks/${c.task_id}`);
      }
      const evidenceIds = ids("check_in_evidence");
      if (evidenceIds.length > 0) {
        const rows = await db
          .selectFrom("check_in_evidence as e")
          .innerJoin("check_ins as c", "c.id", "e.check_in_id")
          .innerJoin("tasks as t", "t.id", "c.task_id")
          .select(["e.id", "e.title", "t.id as task_id", "t.ref"])
          .where("e.id", "in", evidenceIds)
          .execute();
        for (const e of rows)
          put("check_in_evidence", e.id, `${short(e.title)} (nhiệm vụ ${e.ref})`, `/tasks/${e.task_id}`);
      }
      const directionIds = ids("task_direction");
      if (directionIds.length > 0) {
        const rows = await db
          .selectFrom("task_directions as x")
          .innerJoin("tasks as t", "t.id", "x.task_id")
          .select(["x.id", "t.id as task_id", "t.ref", "t.text"])
          .where("x.id", "in", directionIds)
          .execute();
        for (const r of rows) put("task_direction", r.id, taskName(r.ref, r.text), `/tasks/${r.task_id}`);
      }
      const dueDateIds = ids("task_due_date");
      if (dueDateIds.length > 0) {
        const rows = await db
          .selectFrom("task_due_dates as x")
          .innerJoin("tasks as t", "t.id", "x.task_id")
          .select(["x.id", "t.id as task_id", "t.ref", "t.text"])
          .where("x.id", "in", dueDateIds)
          .execute();
        for (const r of rows) put("task_due_date", r.id, taskName(r.ref, r.text), `/tasks/${r.task_id}`);
      }
      const reportIds = ids("report");
      if (reportIds.length > 0) {
        const rows = await db
          .selectFrom("reports")
          .select(["id", "kind", "year"])
          .where("id", "in", reportIds)
          .execute();
        for (const r of rows)
          put("report", r.id, `Báo cáo ${REPORT_KIND[r.kind] ?? r.kind} ${r.year}`, `/reports/${r.id}`);
      }
      const draftIds = ids("import_draft");
      if (draftIds.length > 0) {
        const rows = await db
          .selectFrom("import_drafts")
          .select(["id", "filename"])
          .where("id", "in", draftIds)
          .execute();
        for (const d of rows) put("import_draft", d.id, d.filename, `/programmes/import/${d.id}`);
      }
      const unitIds = ids("unit");
      if (unitIds.length > 0) {
        const rows = await db.selectFrom("units").select(["id", "name"]).where("id", "in", unitIds).execute();
        for (const u of rows) put("unit", u.id, u.name, "/directory/units");
      }
      const personIds = ids("person");
      if (personIds.length > 0) {
        const rows = await db
          .selectFrom("people")
          .select(["id", "full_name"])
          .where("id", "in", personIds)
          .execute();
        for (const p of rows) put("person", p.id, p.full_name, "/directory/people");
      }
      const committeeIds = ids("committee");
      if (committeeIds.length > 0) {
        const rows = await db
          .selectFrom("committees")
          .select(["id", "name"])
          .where("id", "in", committeeIds)
          .execute();
        for (const c of rows) put("committee", c.id, c.name, "/directory/committee");
      }
      const memberIds = ids("committee_member");
      if (memberIds.length > 0) {
        const rows = await db
          .selectFrom("committee_members as m")
          .innerJoin("people as p", "p.id", "m.person_id")
          .select(["m.id", "p.full_name"])
          .where("m.id", "in", memberIds)
          .execute();
        for (const m of rows) put("committee_member", m.id, m.full_name, "/directory/committee");
      }
      const userIds = ids("user");
      if (userIds.length > 0) {
        const rows = await db
          .selectFrom("users")
          .select(["id", "display_name", "email"])
          .where("id", "in", userIds)
          .execute();
        for (const u of rows) put("user", u.id, `${u.display_name} (${u.email})`, "/admin/users");
      }
      const sourceIds = ids("monitoring_source");
      if (sourceIds.length > 0) {
        const rows = await db
          .selectFrom("monitoring_sources")
          .select(["id", "name"])
          .where("id", "in", sourceIds)
          .execute();
        for (const s of rows) put("monitoring_source", s.id, s.name, "/monitoring/sources");
      }
      const itemIds = ids("monitoring_item");
      if (itemIds.length > 0) {
        const rows = await db
          .selectFrom("monitoring_items")
          .select(["id", "title"])
          .where("id", "in", itemIds)
          .execute();
        for (const i of rows) put("monitoring_item", i.id, short(i.title), `/monitoring/items/${i.id}`);
      }
      const caseIds = ids("monitoring_case");
      if (caseIds.length > 0) {
        const rows = await db
          .selectFrom("monitoring_cases")
          .select(["id", "title"])
          .where("id", "in", caseIds)
          .execute();
        for (const c of rows) put("monitoring_case", c.id, short(c.title), "/monitoring/cases");
      }
      return out;
    },
  };
}

export type AuditSubjectsRepository = ReturnType<typeof createAuditSubjectsRepository>;
