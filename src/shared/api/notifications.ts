/**
 * Request and response shapes of the notifications API (the bell's in-app reminders, the reminder
 * delivery log): one source for the server's validation, the OpenAPI document and the web client.
 */
import { z } from "zod";

export const NotificationsQuery = z.object({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DeliveriesQuery = z.object({
  status: z.enum(["sending", "sent", "unknown", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** An in-app reminder of the signed-in user. */
export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  taskId: z.string().nullable(),
  programmeId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });

/** One reminder sent (or being sent) by e-mail or in the app; its key makes it one message, ever. */
export const DeliverySchema = z.object({
  id: z.string(),
  key: z.string(),
  channel: z.enum(["email", "in_app"]),
  recipient: z.string(),
  taskId: z.string(),
  kind: z.string(),
  dueDate: z.string(),
  status: z.enum(["sending", "sent", "unknown", "failed"]),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const DeliveryListSchema = z.object({ items: z.array(DeliverySchema) });
