/** All SQL of the citation registry: cited documents (deduplicated) and who cites them. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { CitationLinkTable, CitationTable } from "./programmes.tables.js";

type Page = { limit: number; offset: number };

export interface CitationFilter {
  /** Free text over kind and number. */
  q?: string | undefined;
  /** Exact number, accent- and space-insensitive: "57-KL/TW". */
  number?: string | undefined;
  kind?: string | undefined;
}

/** "57-KL/TW" → "57-kl/tw": the registry's comparable form of a document number. */
export const foldNumber = (number: string) => foldVietnamese(number).replace(/\s+/g, "");

/** The dedupe key: kind + number (or the citing text for a law cited by name only). */
export const citationKey = (kind: string, number: string | null, text: string) =>
  `${foldVietnamese(kind)}|${number ? foldNumber(number) : foldVietnamese(text)}`;

export function createCitationsRepository() {
  function base(db: DbOrTrx, f: CitationFilter) {
    let q = db.selectFrom("citations as c");
    if (f.number) q = q.where("c.folded_number", "=", foldNumber(f.number));
    if (f.kind) q = q.where(sql<boolean>`lower(c.kind) = ${f.kind.toLowerCase()}`);
    if (f.q)
      q = q.where(sql<boolean>`c.citation_key like ${`%${escapeLike(foldVietnamese(f.q))}%`} escape '\\'`);
    return q;
  }

  return {
    findByKey(db: DbOrTrx, key: string): Promise<CitationTable | undefined> {
      return db.selectFrom("citations").selectAll().where("citation_key", "=", key).executeTakeFirst();
    },

    async insert(db: DbOrTrx, row: CitationTable): Promise<void> {
      await db.insertInto("citations").values(row).execute();
    },

    async fillMissing(db: DbOrTrx, id: string, patch: Pick<CitationTable, "issued_on" | "issuer">) {
      await db.updateTable("citations").set(patch).where("id", "=", id).execute();
    },

    async insertLink(db: DbOrTrx, row: CitationLinkTable): Promise<void> {
      await db.insertInto("citation_links").values(row).execute();
    },

    async list(db: DbOrTrx, f: CitationFilter, page: Page) {
      const rows = await base(db, f)
        .selectAll("c")
        .orderBy("c.kind")
        .orderBy("c.number")
        .orderBy("c.id")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { n } = await base(db, f)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },

    /** Who cites the given citations: the programme, and the task when the citation sits in one. */
    async linksOf(db: DbOrTrx, citationIds: string[]) {
      if (citationIds.length === 0) return [];
      return (
        db
          .selectFrom("citation_links as l")
          .innerJoin("programmes as p", "p.id", "l.programme_id")
          .leftJoin("tasks as t", "t.id", "l.task_id")
          .select([
            "l.citation_id",
            "l.programme_id",
            "l.task_id",
            "l.text",
            "p.number as programme_number",
            "p.title as programme_title",
            "p.version as programme_version",
            "p.status as programme_status",
            "t.ref as task_ref",
          ])
          .where("l.citation_id", "in", citationIds)
          // Current versions only: a superseded version's tasks are history, not work.
          .where("p.status", "=", "active")
          .orderBy("p.issued_on", "desc")
          .orderBy("t.position")
          .execute()
      );
    },

    /** The documents one task cites. */
    citationsOfTask(db: DbOrTrx, taskId: string) {
      return db
        .selectFrom("citation_links as l")
        .innerJoin("citations as c", "c.id", "l.citation_id")
        .select(["c.id", "c.kind", "c.number", "c.issued_on", "c.issuer", "l.text"])
        .where("l.task_id", "=", taskId)
        .orderBy("c.kind")
        .orderBy("c.number")
        .execute();
    },
  };
}

export type CitationsRepository = ReturnType<typeof createCitationsRepository>;
