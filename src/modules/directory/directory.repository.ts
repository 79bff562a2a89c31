/** All SQL of the directory: units, people, committees and their name histories. */
import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { DbOrTrx, DialectName } from "../../platform/db/database.js";
import { createListQueries } from "../../platform/db/list-queries.js";
import type {
  CommitteeMemberTable,
  CommitteeTable,
  PersonTable,
  UnitTable,
} from "../../platform/db/schema.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { newId } from "../../platform/ids.js";
import { foldVietnamese } from "../../shared/text/fold.js";

type Page = { limit: number; offset: number };
type Sort<F extends string> = { field: F; direction: "asc" | "desc" };

export interface UnitFilter {
  q?: string | undefined;
  type?: string | undefined;
  isActive?: boolean | undefined;
  parentId?: string | undefined;
}

export interface PersonFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  includeMerged?: boolean | undefined;
}

export type UnitRow = UnitTable & { parent_name: string | null };
export type PersonRow = Omit<PersonTable, "folded_name"> & { unit_name: string | null };
export type MemberRow = CommitteeMemberTable & {
  person_name: string;
  position: string | null;
  unit_name: string | null;
};

const unitSortColumns = {
  name: "u.folded_name",
  type: "u.type",
  createdAt: "u.created_at",
  updatedAt: "u.updated_at",
} as const;
const personSortColumns = {
  fullName: "p.folded_name",
  createdAt: "p.created_at",
  updatedAt: "p.updated_at",
} as const;

/** A contains-pattern on a folded name, escaped so user text is never a wildcard. */
const containsPattern = (text: string | undefined) =>
  text ? `%${escapeLike(foldVietnamese(text))}%` : undefined;

const likeEscaped = (column: "u.folded_name" | "p.folded_name", pattern: string) =>
  sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;

/** Values bound into the unit list's SQL (see platform/db/list-queries.ts). */
interface UnitValues {
  [k: string]: unknown;
  pattern: string | undefined;
  type: string | undefined;
  isActive: number | undefined;
  parentId: string | undefined;
}

interface PersonValues {
  [k: string]: unknown;
  pattern: string | undefined;
  unitId: string | undefined;
}

/** Columns a person row carries to its presenter (not the folded search copy of the name). */
const personColumns = [
  "p.id",
  "p.full_name",
  "p.honorific",
  "p.position",
  "p.unit_id",
  "p.email",
  "p.phone",
  "p.is_active",
  "p.merged_into_id",
  "p.created_at",
  "p.updated_at",
] as const;

/** One repository per database: its list queries are compiled for that database's dialect. */
export function createDirectoryRepository(database: {
  dialect: DialectName;
  sqlite?: SQLite.Database | undefined;
}) {
  const lists = createListQueries(database.dialect, database.sqlite ? { sqlite: database.sqlite } : {});

  function unitsBase(db: DbOrTrx, v: UnitValues) {
    // No join here: the count needs none, and the page looks up parent names for its rows only.
    let q = db.selectFrom("units as u");
    if (v.pattern) q = q.where(likeEscaped("u.folded_name", v.pattern));
    if (v.type) q = q.where("u.type", "=", v.type);
    if (v.isActive !== undefined) q = q.where("u.is_active", "=", v.isActive);
    if (v.parentId) q = q.where("u.parent_id", "=", v.parentId);
    return q;
  }

  function peopleBase(db: DbOrTrx, v: PersonValues, includeMerged: boolean) {
    let q = db.selectFrom("people as p");
    if (v.pattern) q = q.where(likeEscaped("p.folded_name", v.pattern));
    if (v.unitId) q = q.where("p.unit_id", "=", v.unitId);
    if (!includeMerged) q = q.where("p.merged_into_id", "is", null);
    return q;
  }

  return {
    async listUnits(db: DbOrTrx, f: UnitFilter, page: Page, sort: Sort<keyof typeof unitSortColumns>) {
      const values: UnitValues = {
        pattern: containsPattern(f.q),
        type: f.type,
        isActive: f.isActive === undefined ? undefined : f.isActive ? 1 : 0,
        parentId: f.parentId,
      };
      const count = (v: UnitValues) => unitsBase(db, v).select((eb) => eb.fn.countAll<number>().as("n"));
      const { rows, total } = await lists.page(db, {
        shape: `units:${sort.field}:${sort.direction}`,
        values: { ...values, ...page },
        count,
        rows: (v, withTotal) =>
          unitsBase(db, v)
            .selectAll("u")
            .select((eb) =>
              eb
                .selectFrom("units as parent")
                .select("parent.name")
                .whereRef("parent.id", "=", "u.parent_id")
                .as("parent_name"),
            )
            .$if(withTotal, (q) => q.select(count(v).as("total_count")))
            .orderBy(unitSortColumns[sort.field], sort.direction)
            .orderBy("u.id")
            .limit(v.limit)
            .offset(v.offset),
      });
      return { rows: rows as UnitRow[], total };
    },

    findUnit(db: DbOrTrx, id: string): Promise<UnitRow | undefined> {
      return db
        .selectFrom("units as u")
        .leftJoin("units as parent", "parent.id", "u.parent_id")
        .selectAll("u")
        .select("parent.name as parent_name")
        .where("u.id", "=", id)
        .executeTakeFirst() as Promise<UnitRow | undefined>;
    },

    /** Ids of the unit's ancestors, nearest first (to refuse cycles). */
    async ancestorIds(db: DbOrTrx, id: string): Promise<string[]> {
      const out: string[] = [];
      let current: string | null = id;
      while (current && out.length < 50) {
        const row: { parent_id: string | null } | undefined = await db
          .selectFrom("units")
          .select("parent_id")
          .where("id", "=", current)
          .executeTakeFirst();
        current = row?.parent_id ?? null;
        if (current) out.push(current);
      }
      return out;
    },

    async insertUnit(db: DbOrTrx, row: UnitTable): Promise<void> {
      await db.insertInto("units").values(row).execute();
    },

    async updateUnit(db: DbOrTrx, id: string, patch: Partial<UnitTable>): Promise<void> {
      await db.updateTable("units").set(patch).where("id", "=", id).execute();
    },

    async addUnitName(
      db: DbOrTrx,
      unitId: string,
      name: string,
      shortName: string | null,
      at: string,
      by: string | null,
    ) {
      await db
        .insertInto("unit_names")
        .values({ id: newId(), unit_id: unitId, name, short_name: shortName, changed_at: at, changed_by: by })
        .execute();
    },

    unitNameHistory(db: DbOrTrx, unitId: string) {
      return db
        .selectFrom("unit_names as h")
        .leftJoin("users as by", "by.id", "h.changed_by")
        .selectAll("h")
        .select("by.display_name as changed_by_name")
        .where("h.unit_id", "=", unitId)
        .orderBy("h.changed_at", "desc")
        .execute();
    },

    async listPeople(db: DbOrTrx, f: PersonFilter, page: Page, sort: Sort<keyof typeof personSortColumns>) {
      const includeMerged = f.includeMerged === true;
      const values: PersonValues = { pattern: containsPattern(f.q), unitId: f.unitId };
      const count = (v: PersonValues) =>
        peopleBase(db, v, includeMerged).select((eb) => eb.fn.countAll<number>().as("n"));
      const { rows, total } = await lists.page(db, {
        shape: `people:${includeMerged}:${sort.field}:${sort.direction}`,
        values: { ...values, ...page },
        count,
        rows: (v, withTotal) =>
          peopleBase(db, v, includeMerged)
            .leftJoin("units as un", "un.id", "p.unit_id")
            .select(personColumns)
            .select("un.name as unit_name")
            .$if(withTotal, (q) => q.select(count(v).as("total_count")))
            .orderBy(personSortColumns[sort.field], sort.direction)
            .orderBy("p.id")
            .limit(v.limit)
            .offset(v.offset),
      });
      return { rows: rows as PersonRow[], total };
    },

    findPerson(db: DbOrTrx, id: string): Promise<PersonRow | undefined> {
      return db
        .selectFrom("people as p")
        .leftJoin("units as un", "un.id", "p.unit_id")
        .selectAll("p")
        .select("un.name as unit_name")
        .where("p.id", "=", id)
        .executeTakeFirst() as Promise<PersonRow | undefined>;
    },

    /** People whose folded name equals the given one (accent- and case-insensitive exact match). */
    findPeopleByFoldedName(db: DbOrTrx, name: string): Promise<PersonTable[]> {
      return db
        .selectFrom("people")
        .selectAll()
        .where("folded_name", "=", foldVietnamese(name))
        .where("merged_into_id", "is", null)
        .execute();
    },

    async insertPerson(db: DbOrTrx, row: PersonTable): Promise<void> {
      await db.insertInto("people").values(row).execute();
    },

    async updatePerson(db: DbOrTrx, id: string, patch: Partial<PersonTable>): Promise<void> {
      await db.updateTable("people").set(patch).where("id", "=", id).execute();
    },

    async addPersonName(db: DbOrTrx, personId: string, fullName: string, at: string, by: string | null) {
      await db
        .insertInto("person_names")
        .values({ id: newId(), person_id: personId, full_name: fullName, changed_at: at, changed_by: by })
        .execute();
    },

    personNameHistory(db: DbOrTrx, personId: string) {
      return db
        .selectFrom("person_names as h")
        .leftJoin("users as by", "by.id", "h.changed_by")
        .selectAll("h")
        .select("by.display_name as changed_by_name")
        .where("h.person_id", "=", personId)
        .orderBy("h.changed_at", "desc")
        .execute();
    },

    /** Moves every reference from the duplicate to the survivor (memberships, accounts, name history). */
    async repointPerson(db: DbOrTrx, fromId: string, toId: string): Promise<void> {
      await db
        .updateTable("committee_members")
        .set({ person_id: toId })
        .where("person_id", "=", fromId)
        .execute();
      await db.updateTable("users").set({ person_id: toId }).where("person_id", "=", fromId).execute();
      await db.updateTable("person_names").set({ person_id: toId }).where("person_id", "=", fromId).execute();
    },

    listCommittees(db: DbOrTrx): Promise<CommitteeTable[]> {
      return db.selectFrom("committees").selectAll().orderBy("name").execute();
    },

    findCommittee(db: DbOrTrx, id: string): Promise<CommitteeTable | undefined> {
      return db.selectFrom("committees").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insertCommittee(db: DbOrTrx, row: CommitteeTable): Promise<void> {
      await db.insertInto("committees").values(row).execute();
    },

    /** Members of a committee; with `activeOn`, only terms covering that date. Heads first. */
    listMembers(db: DbOrTrx, committeeId: string, activeOn?: string): Promise<MemberRow[]> {
      let q = db
        .selectFrom("committee_members as m")
        .innerJoin("people as p", "p.id", "m.person_id")
        .leftJoin("units as un", "un.id", "p.unit_id")
        .selectAll("m")
        .select(["p.full_name as person_name", "p.position as position", "un.name as unit_name"])
        .where("m.committee_id", "=", committeeId);
      if (activeOn)
        q = q
          .where("m.start_date", "<=", activeOn)
          .where((eb) => eb.or([eb("m.end_date", "is", null), eb("m.end_date", ">=", activeOn)]));
      const roleOrder = sql<number>`case m.role when 'head' then 0 when 'deputy_head' then 1 when 'member' then 2 else 3 end`;
      return q.orderBy(roleOrder).orderBy("p.folded_name").execute() as Promise<MemberRow[]>;
    },

    findMember(db: DbOrTrx, id: string): Promise<CommitteeMemberTable | undefined> {
      return db.selectFrom("committee_members").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insertMember(db: DbOrTrx, row: CommitteeMemberTable): Promise<void> {
      await db.insertInto("committee_members").values(row).execute();
    },

    async updateMember(db: DbOrTrx, id: string, patch: Partial<CommitteeMemberTable>): Promise<void> {
      await db.updateTable("committee_members").set(patch).where("id", "=", id).execute();
    },
  };
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
