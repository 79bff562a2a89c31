/**
 * One e-mail, ever, per idempotency key: the delivery is recorded (`sending`) BEFORE the message leaves,
 * then marked `sent` or `failed`. A key already recorded is not sent again; one found still `sending`
 * (a crash between the two writes) becomes `unknown` for the secretariat to check, and is not resent.
 * Shared by the follow-up reminders and the registers' reminders (communication plans, agreements).
 */
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import type { Mailer, MailMessage } from "./mailer.js";
import type { NotificationsRepository } from "./notifications.repository.js";

export type EmailOutcome = "sent" | "failed" | "unknown" | "already";

export interface EmailDelivery {
  /** One message, ever: what, for which deadline, to whom. */
  key: string;
  /** The task the message is about; "" when it is about no task (the key names the register entry). */
  taskId: string;
  kind: string;
  due: string;
}

export function createEmailOnce(deps: { db: Db; notifications: NotificationsRepository; mailer: Mailer }) {
  const { db, notifications, mailer } = deps;
  return {
    isEnabled: mailer.isEnabled,

    async send(delivery: EmailDelivery, message: MailMessage): Promise<EmailOutcome> {
      const claimed = await notifications.claimDelivery(db, {
        id: newId(),
        idempotency_key: delivery.key,
        channel: "email",
        recipient: message.to,
        task_id: delivery.taskId,
        kind: delivery.kind,
        due_date: delivery.due,
        status: "sending",
        error: null,
        created_at: nowIso(),
        sent_at: null,
      });
      if (!claimed) {
        // A previous run recorded it: if it never got past `sending` we cannot know whether it left.
        const existing = await notifications.findDelivery(db, delivery.key);
        if (existing?.status !== "sending") return "already";
        await notifications.setDeliveryStatus(db, delivery.key, { status: "unknown" }, "sending");
        return "unknown";
      }
      try {
        await mailer.send(message);
        await notifications.setDeliveryStatus(db, delivery.key, { status: "sent", sent_at: nowIso() });
        return "sent";
      } catch (err) {
        await notifications.setDeliveryStatus(db, delivery.key, {
          status: "failed",
          error: err instanceof Error ? err.message : String(err),
        });
        return "failed";
      }
    },
  };
}

export type EmailOnce = ReturnType<typeof createEmailOnce>;
