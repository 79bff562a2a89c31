/** All SQL of in-app notifications and reminder deliveries. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type {
  DeliveryStatus,
  NotificationTable,
  ReminderDeliveryTable,
} from "../follow-up/follow-up.tables.js";

export function createNotificationsRepository() {
  return {
    async insertNotification(db: DbOrTrx, row: NotificationTable): Promise<void> {
      await db.insertInto("notifications").values(row).execute();
    },

    listForUser(db: DbOrTrx, userId: string, onlyUnread: boolean, limit: number) {
      let q = db.selectFrom("notifications").selectAll().where("user_id", "=", userId);
      if (onlyUnread) q = q.where("read_at", "is", null);
      return q.orderBy("created_at", "desc").limit(limit).execute();
    },

    async markRead(db: DbOrTrx, id: string, userId: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable("notifications")
        .set({ read_at: at })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /** Records a delivery unless its key exists; true when this call recorded it. */
    async claimDelivery(db: DbOrTrx, row: ReminderDeliveryTable): Promise<boolean> {
      const r = await db
        .insertInto("reminder_deliveries")
        .values(row)
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    findDelivery(db: DbOrTrx, key: string) {
      return db
        .selectFrom("reminder_deliveries")
        .selectAll()
        .where("idempotency_key", "=", key)
        .executeTakeFirst();
    },

    async setDeliveryStatus(
      db: DbOrTrx,
      key: string,
      patch: { status: DeliveryStatus; sent_at?: string | null; error?: string | null },
      onlyFrom?: DeliveryStatus,
    ): Promise<void> {
      let q = db.updateTable("reminder_deliveries").set(patch).where("idempotency_key", "=", key);
      if (onlyFrom) q = q.where("status", "=", onlyFrom);
      await q.execute();
    },

    deliveries(db: DbOrTrx, status: DeliveryStatus | undefined, limit: number) {
      let q = db.selectFrom("reminder_deliveries").selectAll();
      if (status) q = q.where("status", "=", status);
      return q.orderBy("created_at", "desc").limit(limit).execute();
    },

    /** People reached through lead parties (persons, and people of lead units) with their accounts. */
    recipients(db: DbOrTrx, personIds: string[], unitIds: string[]) {
      if (personIds.length === 0 && unitIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("people as pe")
        .leftJoin("users as u", (j) => j.onRef("u.person_id", "=", "pe.id").on("u.is_active", "=", 1))
        .select(["pe.id as person_id", "pe.full_name", "pe.email as person_email", "pe.unit_id"])
        .select(["u.id as user_id", "u.email as user_email"])
        .where("pe.is_active", "=", 1)
        .where((eb) =>
          eb.or([
            ...(personIds.length ? [eb("pe.id", "in", personIds)] : []),
            ...(unitIds.length ? [eb("pe.unit_id", "in", unitIds)] : []),
          ]),
        )
        .execute();
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
export type DeliveryRow = ReminderDeliveryTable;
