/** All SQL of monitoring sources: CRUD, due sources for the scheduler, health updates. */
import type { Insertable, Updateable } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { escapeLike } from "../../../platform/http/pagination.js";
import type { MonitoringSourceTable } from "../monitoring.tables.js";

export type SourceRow = MonitoringSourceTable;

/** The polling state of a source just added: never polled, due now, no errors. */
export function newSourceState(now: string) {
  return {
    etag: null,
    last_modified: null,
    last_polled_at: null,
    last_success_at: null,
    last_error_at: null,
    last_error_code: null,
    last_error_message: null,
    consecutive_failures: 0,
    next_poll_at: now,
    item_count: 0,
    created_at: now,
    updated_at: now,
  } satisfies Partial<MonitoringSourceTable>;
}

export interface SourceFilter {
  q?: string | undefined;
  outletType?: string | undefined;
  isActive?: boolean | undefined;
  hasErrors?: boolean | undefined;
}

export function createSourcesRepository() {
  return {
    insert(db: DbOrTrx, row: Insertable<MonitoringSourceTable>) {
      return db.insertInto("monitoring_sources").values(row).execute();
    },

    find(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_sources").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findByUrl(db: DbOrTrx, url: string) {
      return db.selectFrom("monitoring_sources").selectAll().where("url", "=", url).executeTakeFirst();
    },

    update(db: DbOrTrx, id: string, patch: Updateable<MonitoringSourceTable>) {
      return db.updateTable("monitoring_sources").set(patch).where("id", "=", id).execute();
    },

    async list(db: DbOrTrx, filter: SourceFilter, page: { limit: number; offset: number }) {
      let q = db.selectFrom("monitoring_sources");
      if (filter.q) q = q.where("name", "like", `%${escapeLike(filter.q)}%`);
      if (filter.outletType) q = q.where("outlet_type", "=", filter.outletType as SourceRow["outlet_type"]);
      if (filter.isActive !== undefined) q = q.where("is_active", "=", filter.isActive ? 1 : 0);
      if (filter.hasErrors) q = q.where("consecutive_failures", ">", 0);
      const [rows, total] = await Promise.all([
        q.selectAll().orderBy("name").limit(page.limit).offset(page.offset).execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    listAll(db: DbOrTrx) {
      return db.selectFrom("monitoring_sources").selectAll().orderBy("name").execute();
    },

    /** Active feed sources whose next poll is due, oldest first. */
    due(db: DbOrTrx, now: string, limit: number) {
      return db
        .selectFrom("monitoring_sources")
        .select(["id", "next_poll_at"])
        .where("is_active", "=", 1)
        .where("format", "!=", "manual")
        .where("next_poll_at", "<=", now)
        .orderBy("next_poll_at")
        .limit(limit)
        .execute();
    },

    addItems(db: DbOrTrx, id: string, n: number) {
      return db
        .updateTable("monitoring_sources")
        .set((eb) => ({ item_count: eb("item_count", "+", n) }))
        .where("id", "=", id)
        .execute();
    },
  };
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
