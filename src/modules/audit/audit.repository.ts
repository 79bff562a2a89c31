/** All SQL of the audit journal. The table is append-only (database triggers refuse changes). */
import type { SelectQueryBuilder } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import type { AuditLogTable, Database } from "../../platform/db/schema.js";
import { newId } from "../../platform/ids.js";
import { hoChiMinhDayStart } from "../follow-up/calendar/calendar.clock.js";
import { addDays } from "../follow-up/calendar/calendar.dates.js";

export interface AuditInsert {
  at: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  diff: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Inclusive lower bound: an ISO date (from the start of that day in Viet Nam) or a timestamp. */
  from?: string | undefined;
  /** Inclusive upper bound: an ISO date (the whole of that day in Viet Nam) or a timestamp. */
  to?: string | undefined;
}

export type AuditRow = Omit<AuditLogTable, "seq"> & { seq: number };

function applyFilter<O>(
  query: SelectQueryBuilder<Database, "audit_log", O>,
  f: AuditFilter,
): SelectQueryBuilder<Database, "audit_log", O> {
  let q = query;
  if (f.entityType) q = q.where("entity_type", "=", f.entityType);
  if (f.entityId) q = q.where("entity_id", "=", f.entityId);
  if (f.actorId) q = q.where("actor_id", "=", f.actorId);
  if (f.action) q = q.where("action", "=", f.action);
  // A bare date is a day in Viet Nam: an entry at 00:30 on 07/12 (17:30 UTC on 06/12) is an entry of 07/12.
  if (f.from) q = q.where("at", ">=", f.from.length === 10 ? hoChiMinhDayStart(f.from) : f.from);
  if (f.to) {
    if (f.to.length === 10) q = q.where("at", "<", hoChiMinhDayStart(addDays(f.to, 1)));
    else q = q.where("at", "<=", f.to);
  }
  return q;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export function createAuditRepository() {
  return {
    async insert(db: DbOrTrx, entry: AuditInsert): Promise<void> {
      await db
        .insertInto("audit_log")
        .values({
          id: newId(),
          at: entry.at,
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          action: entry.action,
          before_json: json(entry.before),
          after_json: json(entry.after),
          diff_json: JSON.stringify(entry.diff ?? []),
          request_id: entry.requestId,
          ip: entry.ip,
        })
        .execute();
    },

    async list(
      db: DbOrTrx,
      f: AuditFilter,
      page: { limit: number; offset: number },
    ): Promise<{ rows: AuditRow[]; total: number }> {
      const rows = await applyFilter(db.selectFrom("audit_log").selectAll(), f)
        .orderBy("seq", "desc")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { total } = await applyFilter(
        db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("total")),
        f,
      ).executeTakeFirstOrThrow();
      return { rows: rows as AuditRow[], total: Number(total) };
    },

    /** Streams the filtered journal in pages (for export) without holding it all in memory. */
    async *iterate(db: DbOrTrx, f: AuditFilter, batch = 1000): AsyncGenerator<AuditRow[]> {
      let afterSeq: number | null = null;
      for (;;) {
        let q = applyFilter(db.selectFrom("audit_log").selectAll(), f);
        if (afterSeq !== null) q = q.where("seq", "<", afterSeq);
        const rows = (await q.orderBy("seq", "desc").limit(batch).execute()) as AuditRow[];
        if (rows.length === 0) return;
        yield rows;
        afterSeq = Number(rows[rows.length - 1]?.seq);
        if (rows.length < batch) return;
      }
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
