/**
 * Renewal reminders (nhắc gia hạn thỏa thuận hợp tác): a daily job of the job table finds agreements that
 * expire within N days and tells every active secretariat account in-app and by e-mail, once per agreement
 * and expiry date: each e-mail is recorded before it leaves, and the mark is written in the same
 * transaction as the in-app notices, so a retried job sends nothing twice.
 */
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import { formatDayVi } from "../events/events.presenter.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { addDays } from "../follow-up/calendar/calendar.dates.js";
import type { EmailOnce } from "../notifications/email-once.js";
import type { NotificationsRepository } from "../notifications/notifications.repository.js";
import type { PartnersRepository } from "./partners.repository.js";

export const AGREEMENT_REMINDER_JOB = "partners.agreement_reminders";

export interface RenewalScanReport {
  asOf: string;
  agreements: number;
  notifications: number;
  emailsSent: number;
}

type AgreementToRemind = Awaited<ReturnType<PartnersRepository["agreementsToRemind"]>>[number];

/** The reminder's words, the same in-app and by e-mail. */
function renewalMessage(a: AgreementToRemind, expires: string) {
  return {
    title: `Thỏa thuận sắp hết hạn: ${a.title} – ${a.name_vi} (${a.country}), hết hạn ${formatDayVi(expires)}`,
    body: [
      `Thỏa thuận “${a.title}” với ${a.name_vi} (${a.country}), ký ngày ${formatDayVi(a.signed_on)}, sẽ hết hạn ngày ${formatDayVi(expires)}.`,
      "Đề nghị Tổ Giúp việc phối hợp với đơn vị liên quan xem xét, đề xuất gia hạn hoặc ký kết thỏa thuận mới.",
      `Xem: /partners/${a.partner_id}`,
    ].join("\n"),
  };
}

export function createRenewalReminders(deps: {
  db: Db;
  partners: PartnersRepository;
  notifications: NotificationsRepository;
  /** Reminder e-mails, each sent once (disabled without `SMTP_URL`: reminders stay in-app). */
  email: EmailOnce;
  reminderDays: number;
}) {
  const { db, partners, notifications } = deps;
  return {
    /**
     * Reminds of every agreement expiring in [asOf, asOf + N days] not yet reminded of for its expiry:
     * e-mails first, each recorded once per agreement, expiry and address (a retry resends none), then
     * the in-app notices and the agreement's mark in one transaction.
     */
    async scan(options: { asOf?: string } = {}): Promise<RenewalScanReport> {
      const asOf = options.asOf ?? todayInHoChiMinh();
      const due = await partners.agreementsToRemind(db, asOf, addDays(asOf, deps.reminderDays));
      const report: RenewalScanReport = { asOf, agreements: 0, notifications: 0, emailsSent: 0 };
      if (due.length === 0) return report;
      const recipients = await partners.secretariatUsers(db);
      for (const a of due) {
        const expires = a.expires_on as string;
        const msg = renewalMessage(a, expires);
        if (deps.email.isEnabled) {
          const seen = new Set<string>();
          for (const user of recipients) {
            const to = user.email?.toLowerCase();
            if (!to || seen.has(to)) continue;
            seen.add(to);
            const outcome = await deps.email.send(
              {
                key: `${AGREEMENT_REMINDER_JOB}|${a.id}|${expires}|email|${to}`,
                taskId: "",
                kind: "agreement_expiring",
                due: expires,
              },
              { to: user.email as string, subject: `[Hải Đăng] ${msg.title}`, text: msg.body },
            );
            if (outcome === "sent") report.emailsSent++;
          }
        }
        await db.transaction().execute(async (trx) => {
          for (const user of recipients) {
            await notifications.insertNotification(trx, {
              id: newId(),
              user_id: user.id,
              kind: "partner.agreement_expiring",
              title: msg.title,
              body: msg.body,
              task_id: null,
              programme_id: null,
              created_at: nowIso(),
              read_at: null,
            });
            report.notifications++;
          }
          await partners.markReminded(trx, a.id, expires);
        });
        report.agreements++;
      }
      return report;
    },
  };
}

export type RenewalReminders = ReturnType<typeof createRenewalReminders>;

/** Registers the reminder job; the server schedules it daily at 07:40 Asia/Ho_Chi_Minh. */
export function registerPartnerJobs(jobs: JobRunner, reminders: RenewalReminders) {
  jobs.register<{ asOf?: string } | null>({
    name: AGREEMENT_REMINDER_JOB,
    handle: async ({ payload }) => reminders.scan(payload?.asOf ? { asOf: payload.asOf } : {}),
  });
}

export function schedulePartnerJobs(jobs: JobRunner) {
  jobs.schedule({ name: AGREEMENT_REMINDER_JOB, cron: "40 7 * * *" });
}
