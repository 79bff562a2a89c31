/** All SQL of saved searches, alert events and deliveries, and the in-app notifications they create. */
import type { Insertable, Updateable } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import type {
  MonitoringAlertDeliveryTable,
  MonitoringAlertEventTable,
  MonitoringSavedSearchTable,
} from "../monitoring.tables.js";

export type SavedSearchRow = MonitoringSavedSearchTable;

export function createSavedSearchesRepository() {
  return {
    insert(db: DbOrTrx, row: Insertable<MonitoringSavedSearchTable>) {
      return db.insertInto("monitoring_saved_searches").values(row).execute();
    },
    find(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_saved_searches").selectAll().where("id", "=", id).executeTakeFirst();
    },
    listByOwner(db: DbOrTrx, ownerId: string) {
      return db
        .selectFrom("monitoring_saved_searches")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .orderBy("name")
        .execute();
    },
    /** Saved searches with any alert switched on. */
    withAlerts(db: DbOrTrx) {
      return db
        .selectFrom("monitoring_saved_searches")
        .selectAll()
        .where((eb) =>
          eb.or([eb("alert_on_new", "=", 1), eb("alert_on_spike", "=", 1), eb("digest", "is not", null)]),
        )
        .execute();
    },
    update(db: DbOrTrx, id: string, patch: Updateable<MonitoringSavedSearchTable>) {
      return db.updateTable("monitoring_saved_searches").set(patch).where("id", "=", id).execute();
    },
    async remove(db: DbOrTrx, id: string) {
      const events = db.selectFrom("monitoring_alert_events").select("id").where("saved_search_id", "=", id);
      await db.deleteFrom("monitoring_alert_deliveries").where("event_id", "in", events).execute();
      await db.deleteFrom("monitoring_alert_events").where("saved_search_id", "=", id).execute();
      await db.deleteFrom("monitoring_saved_searches").where("id", "=", id).execute();
    },
    /** Inserts an event unless its idempotency key exists; true when inserted. */
    async insertEvent(db: DbOrTrx, row: Insertable<MonitoringAlertEventTable>): Promise<boolean> {
      const r = await db
        .insertInto("monitoring_alert_events")
        .values(row)
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    events(db: DbOrTrx, savedSearchId: string, limit = 50) {
      return db
        .selectFrom("monitoring_alert_events")
        .selectAll()
        .where("saved_search_id", "=", savedSearchId)
        .orderBy("created_at", "desc")
        .limit(limit)
        .execute();
    },
    findEvent(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_alert_events").selectAll().where("id", "=", id).executeTakeFirst();
    },
    insertDelivery(db: DbOrTrx, row: Insertable<MonitoringAlertDeliveryTable>) {
      return db.insertInto("monitoring_alert_deliveries").values(row).execute();
    },
    findDelivery(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_alert_deliveries").selectAll().where("id", "=", id).executeTakeFirst();
    },
    updateDelivery(db: DbOrTrx, id: string, patch: Updateable<MonitoringAlertDeliveryTable>) {
      return db.updateTable("monitoring_alert_deliveries").set(patch).where("id", "=", id).execute();
    },
    deliveries(db: DbOrTrx, eventIds: string[]) {
      if (!eventIds.length) return Promise.resolve([]);
      return db
        .selectFrom("monitoring_alert_deliveries")
        .selectAll()
        .where("event_id", "in", eventIds)
        .execute();
    },
    insertNotification(
      db: DbOrTrx,
      row: { id: string; user_id: string; title: string; body: string; created_at: string },
    ) {
      return db
        .insertInto("notifications")
        .values({ ...row, kind: "monitoring_alert", task_id: null, programme_id: null, read_at: null })
        .execute();
    },
    userEmail(db: DbOrTrx, userId: string) {
      return db
        .selectFrom("users")
        .select(["email", "display_name"])
        .where("id", "=", userId)
        .executeTakeFirst();
    },
  };
}

export type SavedSearchesRepository = ReturnType<typeof createSavedSearchesRepository>;
