/** All SQL of the events calendar and its ICS subscriptions. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { CalendarFeedTable, EventTable } from "./events.tables.js";

export type EventRow = EventTable & { unit_name: string | null };

export interface EventFilter {
  q?: string | undefined;
  kind?: string | undefined;
}

/** Folded title and location, the text that `q` searches. */
export const foldEventText = (title: string, location: string | null | undefined) =>
  foldVietnamese(`${title} ${location ?? ""}`);

function baseQuery(db: DbOrTrx, filter: EventFilter) {
  let q = db
    .selectFrom("events as e")
    .leftJoin("units as u", "u.id", "e.unit_id")
    .selectAll("e")
    .select("u.name as unit_name");
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`e.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.kind) q = q.where("e.kind", "=", filter.kind);
  return q;
}

export function createEventsRepository() {
  return {
    async insert(db: DbOrTrx, row: EventTable) {
      await db.insertInto("events").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, changes: Partial<EventTable>) {
      await db.updateTable("events").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("events").where("id", "=", id).execute();
    },

    async find(db: DbOrTrx, id: string): Promise<EventRow | undefined> {
      return baseQuery(db, {}).where("e.id", "=", id).executeTakeFirst();
    },

    /**
     * Events that can have an occurrence in [from, to]: one-off events overlapping the range (by index),
     * and yearly events that started on or before its end (expanded by the caller).
     */
    async candidatesBetween(db: DbOrTrx, from: string, to: string, filter: EventFilter): Promise<EventRow[]> {
      const oneOff = baseQuery(db, filter)
        .where("e.recurrence", "=", "none")
        .where("e.start_date", "<=", to)
        .where("e.end_date", ">=", from);
      const yearly = baseQuery(db, filter)
        .where("e.recurrence", "=", "yearly")
        .where("e.start_date", "<=", to);
      const [a, b] = await Promise.all([oneOff.execute(), yearly.execute()]);
      return [...a, ...b];
    },

    async findMany(db: DbOrTrx, ids: readonly string[]): Promise<EventRow[]> {
      if (ids.length === 0) return [];
      return baseQuery(db, {})
        .where("e.id", "in", [...ids])
        .execute();
    },

    /** Events matching `q` (folded), newest first, for pickers. */
    async search(db: DbOrTrx, q: string, limit: number): Promise<EventRow[]> {
      return baseQuery(db, { q: q || undefined })
        .orderBy("e.start_date", "desc")
        .limit(limit)
        .execute();
    },

    async unitExists(db: DbOrTrx, unitId: string): Promise<boolean> {
      return Boolean(await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst());
    },

    // --- personal ICS subscriptions -------------------------------------------------------------

    async insertFeed(db: DbOrTrx, row: CalendarFeedTable) {
      await db.insertInto("calendar_feeds").values(row).execute();
    },

    async listFeeds(db: DbOrTrx, userId: string): Promise<CalendarFeedTable[]> {
      return db
        .selectFrom("calendar_feeds")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at", "desc")
        .execute();
    },

    async findFeed(db: DbOrTrx, id: string): Promise<CalendarFeedTable | undefined> {
      return db.selectFrom("calendar_feeds").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async findFeedByHash(db: DbOrTrx, tokenHash: string): Promise<CalendarFeedTable | undefined> {
      return db
        .selectFrom("calendar_feeds")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
    },

    async revokeFeed(db: DbOrTrx, id: string, at: string) {
      await db.updateTable("calendar_feeds").set({ revoked_at: at }).where("id", "=", id).execute();
    },

    async touchFeed(db: DbOrTrx, id: string, at: string) {
      await db.updateTable("calendar_feeds").set({ last_used_at: at }).where("id", "=", id).execute();
    },

    async userIsActive(db: DbOrTrx, userId: string): Promise<boolean> {
      const row = await db
        .selectFrom("users")
        .select("is_active")
        .where("id", "=", userId)
        .executeTakeFirst();
      return row?.is_active === 1;
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
