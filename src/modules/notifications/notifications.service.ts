/** In-app notifications of the caller, and reminder deliveries for the secretariat. */
import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { NotificationsQuery } from "../../shared/api/notifications.js";
import { followUpErrors } from "../follow-up/follow-up.errors.js";
import type {
  DeliveryStatus,
  NotificationTable,
  ReminderDeliveryTable,
} from "../follow-up/follow-up.tables.js";
import type { NotificationsRepository } from "./notifications.repository.js";

export const presentNotification = (n: NotificationTable) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  taskId: n.task_id,
  programmeId: n.programme_id,
  createdAt: n.created_at,
  readAt: n.read_at,
});

export const presentDelivery = (d: ReminderDeliveryTable) => ({
  id: d.id,
  key: d.idempotency_key,
  channel: d.channel,
  recipient: d.recipient,
  taskId: d.task_id,
  kind: d.kind,
  dueDate: d.due_date,
  status: d.status,
  error: d.error,
  createdAt: d.created_at,
  sentAt: d.sent_at,
});

export function createNotificationsService(deps: { db: Db; notifications: NotificationsRepository }) {
  const { db, notifications } = deps;
  return {
    async list(ctx: RequestContext, query: z.infer<typeof NotificationsQuery>) {
      const actor = assertCan(ctx.actor, "authenticated");
      return notifications.listForUser(db, actor.userId, query.unread === "true", query.limit);
    },

    async markRead(ctx: RequestContext, id: string) {
      const actor = assertCan(ctx.actor, "authenticated");
      if (!(await notifications.markRead(db, id, actor.userId, nowIso())))
        throw followUpErrors.notificationNotFound();
    },

    async deliveries(ctx: RequestContext, status: DeliveryStatus | undefined, limit: number) {
      assertCan(ctx.actor, "followup.confirm");
      return notifications.deliveries(db, status, limit);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
