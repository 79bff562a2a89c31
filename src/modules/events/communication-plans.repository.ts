/** All SQL of the communication plans of events. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { EventPlanItemTable } from "./communication-plans.tables.js";

export type PlanItemRow = EventPlanItemTable & {
  event_title: string;
  unit_name: string | null;
  task_ref: string | null;
  task_text: string | null;
};

export interface PlanItemFilter {
  eventId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  channel?: string | undefined;
  unitId?: string | undefined;
  state?: "open" | "done" | undefined;
  programmeId?: string | undefined;
}

export const foldPlanText = (product: string, note: string | null | undefined) =>
  foldVietnamese(`${product} ${note ?? ""}`);

function withNames(db: DbOrTrx) {
  return db
    .selectFrom("event_plan_items as p")
    .innerJoin("events as e", "e.id", "p.event_id")
    .leftJoin("units as u", "u.id", "p.unit_id")
    .leftJoin("tasks as t", "t.id", "p.task_id")
    .selectAll("p")
    .select(["e.title as event_title", "u.name as unit_name", "t.ref as task_ref", "t.text as task_text"]);
}

export function createPlanItemsRepository() {
  return {
    async insert(db: DbOrTrx, row: EventPlanItemTable) {
      await db.insertInto("event_plan_items").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, changes: Partial<EventPlanItemTable>) {
      await db.updateTable("event_plan_items").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("event_plan_items").where("id", "=", id).execute();
    },

    find(db: DbOrTrx, id: string): Promise<PlanItemRow | undefined> {
      return withNames(db).where("p.id", "=", id).executeTakeFirst();
    },

    async list(db: DbOrTrx, filter: PlanItemFilter): Promise<PlanItemRow[]> {
      let q = withNames(db);
      if (filter.eventId) q = q.where("p.event_id", "=", filter.eventId);
      if (filter.from) q = q.where("p.deadline", ">=", filter.from);
      if (filter.to) q = q.where("p.deadline", "<=", filter.to);
      if (filter.q) {
        const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
        q = q.where((eb) =>
          eb.or([
            sql<boolean>`p.folded_text like ${pattern} escape '\\'`,
            sql<boolean>`e.folded_text like ${pattern} escape '\\'`,
          ]),
        );
      }
      if (filter.channel) q = q.where("p.channel", "=", filter.channel);
      if (filter.unitId) q = q.where("p.unit_id", "=", filter.unitId);
      if (filter.state === "open") q = q.where("p.done_on", "is", null);
      if (filter.state === "done") q = q.where("p.done_on", "is not", null);
      if (filter.programmeId) {
        // The task's row in that programme, found through the lineage of the row the item names.
        const rows = await q
          .innerJoin("tasks as cur", (j) =>
            j
              .onRef("cur.lineage_id", "=", "t.lineage_id")
              .on("cur.programme_id", "=", filter.programmeId as string),
          )
          .select(["cur.id as current_task_id", "cur.ref as current_task_ref"])
          .orderBy("p.deadline")
          .orderBy("p.product")
          .limit(5000)
          .execute();
        return rows.map(({ current_task_id, current_task_ref, ...r }) => ({
          ...r,
          task_id: current_task_id,
          task_ref: current_task_ref,
        }));
      }
      return q.orderBy("p.deadline").orderBy("p.product").limit(5000).execute();
    },

    /** Plan items that are milestones of a task: of any row of its lineage (a new programme version keeps them). */
    milestonesOfTask(db: DbOrTrx, taskId: string): Promise<PlanItemRow[]> {
      return withNames(db)
        .where("p.task_id", "in", (eb) =>
          eb
            .selectFrom("tasks as l")
            .innerJoin("tasks as me", "me.lineage_id", "l.lineage_id")
            .select("l.id")
            .where("me.id", "=", taskId),
        )
        .orderBy("p.deadline")
        .execute();
    },

    eventExists: async (db: DbOrTrx, id: string) =>
      Boolean(await db.selectFrom("events").select("id").where("id", "=", id).executeTakeFirst()),
    taskExists: async (db: DbOrTrx, id: string) =>
      Boolean(await db.selectFrom("tasks").select("id").where("id", "=", id).executeTakeFirst()),
    unitNames: (db: DbOrTrx) => db.selectFrom("units").select(["id", "name"]).execute(),
    unitExists: async (db: DbOrTrx, id: string) =>
      Boolean(await db.selectFrom("units").select("id").where("id", "=", id).executeTakeFirst()),

    /** Active accounts of the active people of a unit: who is reminded. */
    unitAccounts(db: DbOrTrx, unitId: string) {
      return db
        .selectFrom("people as pe")
        .innerJoin("users as u", "u.person_id", "pe.id")
        .select(["u.id as user_id", "pe.full_name"])
        .where("pe.unit_id", "=", unitId)
        .where("pe.is_active", "=", 1)
        .where("u.is_active", "=", 1)
        .execute();
    },
  };
}

export type PlanItemsRepository = ReturnType<typeof createPlanItemsRepository>;
