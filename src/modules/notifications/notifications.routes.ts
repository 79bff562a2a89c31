/** Notifications of the caller; reminder deliveries (secretariat). */
import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import {
  DeliveriesQuery,
  DeliveryListSchema,
  NotificationListSchema,
  NotificationsQuery,
} from "../../shared/api/notifications.js";
import { type NotificationsService, presentDelivery, presentNotification } from "./notifications.service.js";

const tags = ["notifications"];

export function registerNotificationsRoutes(app: App, deps: { notifications: NotificationsService }) {
  const { notifications } = deps;

  app.get(
    "/api/notifications",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "listMyNotifications",
        tags,
        summary: "Thông báo của tôi / My notifications",
        querystring: NotificationsQuery,
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => ({
      items: (await notifications.list(request.ctx, request.query)).map(presentNotification),
    }),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "markNotificationRead",
        tags,
        summary: "Đánh dấu đã đọc / Mark read",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await notifications.markRead(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/reminder-deliveries",
    {
      config: { policy: "followup.confirm" },
      schema: {
        operationId: "listReminderDeliveries",
        tags,
        summary: "Nhật ký gửi nhắc việc / Reminder deliveries",
        querystring: DeliveriesQuery,
        response: { 200: DeliveryListSchema },
      },
    },
    async (request) => ({
      items: (await notifications.deliveries(request.ctx, request.query.status, request.query.limit)).map(
        presentDelivery,
      ),
    }),
  );
}
