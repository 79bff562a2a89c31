/** All SQL of programmes, their sections, tasks and task parties. */
import { type ExpressionBuilder, sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import type { Database } from "../../platform/db/schema.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type {
  PartyRole,
  ProgrammeSectionTable,
  ProgrammeStatus,
  ProgrammeTable,
  TaskPartyTable,
  TaskTable,
} from "./programmes.tables.js";

type Page = { limit: number; offset: number };

export interface ProgrammeFilter {
  status?: ProgrammeStatus | undefined;
  q?: string | undefined;
}

export interface TaskFilter {
  section?: string | undefined;
  /** Directing official: a person id, or a name (accent-insensitive contains). */
  directingPersonId?: string | undefined;
  directingName?: string | undefined;
  /** Any party that is this person or unit, optionally in one role. */
  partyId?: string | undefined;
  role?: PartyRole | undefined;
  timeframeKind?: string | undefined;
  q?: string | undefined;
}

const contains = (text: string) => `%${escapeLike(foldVietnamese(text))}%`;

type TaskScope = ExpressionBuilder<Database & { t: TaskTable }, "t">;

/** Tasks having a party that matches, as an EXISTS fragment. */
function partyExists(match: { personOrUnitId?: string; foldedName?: string; role?: PartyRole }) {
  return (eb: TaskScope) => {
    let sub = eb.selectFrom("task_parties as tp").select("tp.id").whereRef("tp.task_id", "=", "t.id");
    if (match.role) sub = sub.where("tp.role", "=", match.role);
    if (match.personOrUnitId) {
      const id = match.personOrUnitId;
      sub = sub.where((e) => e.or([e("tp.person_id", "=", id), e("tp.unit_id", "=", id)]));
    }
    if (match.foldedName)
      sub = sub.where(sql<boolean>`tp.folded_name like ${contains(match.foldedName)} escape '\\'`);
    return eb.exists(sub);
  };
}

export function createProgrammesRepository() {
  function programmesBase(db: DbOrTrx, f: ProgrammeFilter) {
    let q = db.selectFrom("programmes as p");
    if (f.status) q = q.where("p.status", "=", f.status);
    if (f.q) {
      const pattern = contains(f.q);
      q = q.where(
        sql<boolean>`(lower(coalesce(p.title, '')) like ${pattern} escape '\\' or lower(coalesce(p.number, '')) like ${pattern} escape '\\' or p.identity_key like ${pattern} escape '\\')`,
      );
    }
    return q;
  }

  function tasksBase(db: DbOrTrx, programmeId: string, f: TaskFilter) {
    let q = db.selectFrom("tasks as t").where("t.programme_id", "=", programmeId);
    if (f.section) q = q.where("t.section_ref", "=", f.section);
    if (f.timeframeKind) q = q.where("t.timeframe_kind", "=", f.timeframeKind);
    if (f.q) q = q.where(sql<boolean>`t.folded_text like ${contains(f.q)} escape '\\'`);
    if (f.directingPersonId)
      q = q.where(partyExists({ personOrUnitId: f.directingPersonId, role: "directing" }));
    if (f.directingName) q = q.where(partyExists({ foldedName: f.directingName, role: "directing" }));
    if (f.partyId) q = q.where(partyExists({ personOrUnitId: f.partyId, ...(f.role && { role: f.role }) }));
    else if (f.role) q = q.where(partyExists({ role: f.role }));
    return q;
  }

  return {
    async insertProgramme(db: DbOrTrx, row: ProgrammeTable): Promise<void> {
      await db.insertInto("programmes").values(row).execute();
    },

    async insertSection(db: DbOrTrx, row: ProgrammeSectionTable): Promise<void> {
      await db.insertInto("programme_sections").values(row).execute();
    },

    async insertTask(db: DbOrTrx, row: TaskTable): Promise<void> {
      await db.insertInto("tasks").values(row).execute();
    },

    async insertParty(db: DbOrTrx, row: TaskPartyTable): Promise<void> {
      await db.insertInto("task_parties").values(row).execute();
    },

    async setStatus(db: DbOrTrx, id: string, status: ProgrammeStatus): Promise<void> {
      await db.updateTable("programmes").set({ status }).where("id", "=", id).execute();
    },

    findProgramme(db: DbOrTrx, id: string): Promise<ProgrammeTable | undefined> {
      return db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** The name the programme's source document was uploaded under (the import that created it). */
    async sourceFilename(db: DbOrTrx, programmeId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("import_drafts")
        .select("filename")
        .where("committed_programme_id", "=", programmeId)
        .orderBy("updated_at", "desc")
        .executeTakeFirst();
      return row?.filename;
    },

    findActiveByIdentity(db: DbOrTrx, identityKey: string): Promise<ProgrammeTable | undefined> {
      return db
        .selectFrom("programmes")
        .selectAll()
        .where("identity_key", "=", identityKey)
        .where("status", "=", "active")
        .executeTakeFirst();
    },

    /** Every version of a document, oldest first. */
    versions(db: DbOrTrx, identityKey: string) {
      return db
        .selectFrom("programmes")
        .select(["id", "version", "status", "created_at", "source_file_id"])
        .where("identity_key", "=", identityKey)
        .orderBy("version")
        .execute();
    },

    async listProgrammes(db: DbOrTrx, f: ProgrammeFilter, page: Page) {
      const rows = await programmesBase(db, f)
        .selectAll("p")
        .select((eb) =>
          eb
            .selectFrom("tasks as t")
            .select(eb.fn.countAll<number>().as("n"))
            .whereRef("t.programme_id", "=", "p.id")
            .as("task_count"),
        )
        .orderBy("p.issued_on", "desc")
        .orderBy("p.created_at", "desc")
        .orderBy("p.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { n } = await programmesBase(db, f)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return { rows: rows.map((r) => ({ ...r, task_count: Number(r.task_count ?? 0) })), total: Number(n) };
    },

    sections(db: DbOrTrx, programmeId: string): Promise<ProgrammeSectionTable[]> {
      return db
        .selectFrom("programme_sections")
        .selectAll()
        .where("programme_id", "=", programmeId)
        .orderBy("position")
        .execute();
    },

    /** Task counts per section and per time-frame kind. */
    async taskCounts(db: DbOrTrx, programmeId: string) {
      const bySection = await db
        .selectFrom("tasks")
        .select(["section_ref", (eb) => eb.fn.countAll<number>().as("n")])
        .where("programme_id", "=", programmeId)
        .groupBy("section_ref")
        .execute();
      const byKind = await db
        .selectFrom("tasks")
        .select(["timeframe_kind", (eb) => eb.fn.countAll<number>().as("n")])
        .where("programme_id", "=", programmeId)
        .groupBy("timeframe_kind")
        .execute();
      return {
        bySection: Object.fromEntries(bySection.map((r) => [r.section_ref, Number(r.n)])),
        byTimeframeKind: Object.fromEntries(byKind.map((r) => [r.timeframe_kind, Number(r.n)])),
      };
    },

    async listTasks(db: DbOrTrx, programmeId: string, f: TaskFilter, page: Page) {
      const rows = await tasksBase(db, programmeId, f)
        .selectAll("t")
        .orderBy("t.position")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { n } = await tasksBase(db, programmeId, f)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },

    /** Every task of a programme in document order (matrix, timeline, diff). */
    allTasks(db: DbOrTrx, programmeId: string): Promise<TaskTable[]> {
      return db
        .selectFrom("tasks")
        .selectAll()
        .where("programme_id", "=", programmeId)
        .orderBy("position")
        .execute();
    },

    findTask(db: DbOrTrx, id: string): Promise<TaskTable | undefined> {
      return db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Parties of the given tasks with the directory names they link to, in role then document order. */
    async partiesOf(db: DbOrTrx, taskIds: string[]) {
      if (taskIds.length === 0) return [];
      const roleOrder = sql<number>`case tp.role when 'directing' then 0 when 'lead' then 1 else 2 end`;
      const out = [];
      // Chunked so a big programme stays under SQLite's bound-parameter limit.
      for (let i = 0; i < taskIds.length; i += 500) {
        out.push(
          ...(await db
            .selectFrom("task_parties as tp")
            .leftJoin("people as pe", "pe.id", "tp.person_id")
            .leftJoin("units as un", "un.id", "tp.unit_id")
            .selectAll("tp")
            .select(["pe.full_name as person_name", "un.name as unit_name"])
            .where("tp.task_id", "in", taskIds.slice(i, i + 500))
            .orderBy("tp.task_id")
            .orderBy(roleOrder)
            .orderBy("tp.position")
            .execute()),
        );
      }
      return out;
    },
  };
}

export type ProgrammesRepository = ReturnType<typeof createProgrammesRepository>;
export type PartyRow = Awaited<ReturnType<ProgrammesRepository["partiesOf"]>>[number];
