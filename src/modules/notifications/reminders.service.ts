/**
 * Reminders (đôn đốc): a daily scan finds tasks whose due date or reporting date is N working days
 * away, and tasks overdue (on the first day, then weekly), and tells the lead parties' people in-app
 * and by e-mail. Each message has an idempotency key recorded BEFORE sending (`sending`, then
 * `sent`): a crash or a second run never sends twice — a key found `sending` becomes `unknown` for
 * the secretariat to check, and is not resent.
 */
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { daysBetween, type IsoDate } from "../follow-up/calendar/calendar.dates.js";
import { workingDaysBetween } from "../follow-up/calendar/calendar.working-days.js";
import type { FollowUpData, ProgrammeFollowUp, TaskInfo } from "../follow-up/follow-up.data.js";
import type { FollowUpRepository } from "../follow-up/follow-up.repository.js";
import type { TaskStatusResult } from "../follow-up/status/status.types.js";
import { formatShortDate } from "../reports/docx/docx.text.js";
import { createEmailOnce } from "./email-once.js";
import type { Mailer } from "./mailer.js";
import type { NotificationsRepository } from "./notifications.repository.js";

export type ReminderKind = "due_soon" | "report_due" | "overdue";

const KIND_LABELS: Record<ReminderKind, string> = {
  due_soon: "Sắp đến hạn",
  report_due: "Sắp đến hạn báo cáo",
  overdue: "Quá hạn",
};

export interface ScanReport {
  asOf: IsoDate;
  reminders: number;
  notifications: number;
  emailsSent: number;
  emailsUnknown: number;
  emailsFailed: number;
}

interface Due {
  kind: ReminderKind;
  due: IsoDate;
  label: string | null;
}

/** What to remind about for one task on `asOf`. */
export function remindersFor(
  r: TaskStatusResult,
  data: ProgrammeFollowUp,
  asOf: IsoDate,
  days: number,
): Due[] {
  const out: Due[] = [];
  const check = (due: IsoDate, label: string | null, isDone: boolean) => {
    if (isDone) return;
    if (due > asOf && workingDaysBetween(asOf, due, data.calendar) === days)
      out.push({ kind: "due_soon", due, label });
    if (due < asOf) {
      const late = daysBetween(due, asOf);
      if (late === 1 || late % 7 === 0) out.push({ kind: "overdue", due, label });
    }
  };
  if (r.kind === "dated") {
    if (r.milestones) for (const m of r.milestones) check(m.due, m.label, m.completedOn !== null);
    else check(r.due, null, r.completedOn !== null);
  } else if (r.kind === "ongoing") {
    for (const p of data.periods) {
      const st = r.periods.find((x) => x.period === p.key);
      if (
        st?.state === "not_yet_due" &&
        p.reportDue > asOf &&
        workingDaysBetween(asOf, p.reportDue, data.calendar) === days
      )
        out.push({ kind: "report_due", due: p.reportDue, label: p.label });
    }
  }
  return out;
}

function message(kind: ReminderKind, task: TaskInfo, due: Due, name: string, programme: string | null) {
  const date = formatShortDate(due.due);
  const subject = `[Hải Đăng] ${KIND_LABELS[kind]}: nhiệm vụ ${task.ref} – hạn ${date}`;
  const what =
    kind === "overdue"
      ? `đã quá hạn ngày ${date} nhưng chưa được xác nhận hoàn thành`
      : kind === "report_due"
        ? `cần báo cáo kết quả ${due.label ?? "kỳ này"} trước ngày ${date}`
        : `sẽ đến hạn ngày ${date}${due.label ? ` (${due.label})` : ""}`;
  const text = [
    `Kính gửi đồng chí ${name},`,
    "",
    `Nhiệm vụ ${task.ref}${programme ? ` thuộc Chương trình số ${programme}` : ""} do đồng chí (đơn vị) chủ trì ${what}:`,
    "",
    `“${task.text.length > 400 ? `${task.text.slice(0, 400)}…` : task.text}”`,
    "",
    "Đề nghị đồng chí cập nhật báo cáo tiến độ, kết quả (kèm sản phẩm, minh chứng) trên hệ thống Hải Đăng.",
    "",
    "Trân trọng,",
    "Tổ Giúp việc Ban Chỉ đạo",
  ].join("\n");
  return { subject, text };
}

export function createRemindersService(deps: {
  db: Db;
  data: FollowUpData;
  followUp: FollowUpRepository;
  notifications: NotificationsRepository;
  mailer: Mailer;
  workingDaysBefore: number;
}) {
  const { db, data, followUp, notifications, mailer } = deps;

  const emailOnce = createEmailOnce({ db, notifications, mailer });

  async function email(
    report: ScanReport,
    key: string,
    row: { to: string; taskId: string; kind: string; due: string },
    msg: { subject: string; text: string },
  ) {
    const outcome = await emailOnce.send(
      { key, taskId: row.taskId, kind: row.kind, due: row.due },
      { to: row.to, ...msg },
    );
    if (outcome === "sent") report.emailsSent++;
    else if (outcome === "unknown") report.emailsUnknown++;
    else if (outcome === "failed") report.emailsFailed++;
  }

  return {
    /** Scans every active programme as of `asOf` (default today in Asia/Ho_Chi_Minh). */
    async scan(options: { asOf?: IsoDate } = {}): Promise<ScanReport> {
      const asOf = options.asOf ?? todayInHoChiMinh();
      const report: ScanReport = {
        asOf,
        reminders: 0,
        notifications: 0,
        emailsSent: 0,
        emailsUnknown: 0,
        emailsFailed: 0,
      };
      for (const { id } of await followUp.activeProgrammeIds(db)) {
        const d = await data.load(id);
        if (asOf < d.period.start || asOf > d.period.end) continue;
        const results = data.statuses(d, asOf);
        const work: { task: TaskInfo; due: Due }[] = [];
        d.tasks.forEach((task, i) => {
          for (const due of remindersFor(results[i] as TaskStatusResult, d, asOf, deps.workingDaysBefore))
            work.push({ task, due });
        });
        if (work.length === 0) continue;
        const people = await notifications.recipients(
          db,
          [...new Set(work.flatMap((w) => w.task.leadPersonIds))],
          [...new Set(work.flatMap((w) => w.task.leadUnitIds))],
        );
        for (const { task, due } of work) {
          report.reminders++;
          const reached = people.filter(
            (p) =>
              task.leadPersonIds.includes(p.person_id) ||
              (p.unit_id !== null && task.leadUnitIds.includes(p.unit_id)),
          );
          const emailed = new Set<string>();
          for (const p of reached) {
            const base = `${task.id}|${p.person_id}|${due.kind}|${due.due}|${asOf}`;
            const msg = message(due.kind, task, due, p.full_name, d.programme.number);
            if (p.user_id) {
              const userId = p.user_id;
              const inserted = await db.transaction().execute(async (trx) => {
                const claimed = await notifications.claimDelivery(trx, {
                  id: newId(),
                  idempotency_key: `${base}|in_app|${userId}`,
                  channel: "in_app",
                  recipient: userId,
                  task_id: task.id,
                  kind: due.kind,
                  due_date: due.due,
                  status: "sent",
                  error: null,
                  created_at: nowIso(),
                  sent_at: nowIso(),
                });
                if (claimed)
                  await notifications.insertNotification(trx, {
                    id: newId(),
                    user_id: userId,
                    kind: `reminder.${due.kind}`,
                    title: msg.subject.replace("[Hải Đăng] ", ""),
                    body: msg.text,
                    task_id: task.id,
                    programme_id: id,
                    created_at: nowIso(),
                    read_at: null,
                  });
                return claimed;
              });
              if (inserted) report.notifications++;
            }
            const to = p.person_email ?? p.user_email;
            if (mailer.isEnabled && to && !emailed.has(to.toLowerCase())) {
              emailed.add(to.toLowerCase());
              await email(
                report,
                `${base}|email|${to.toLowerCase()}`,
                { to, taskId: task.id, kind: due.kind, due: due.due },
                msg,
              );
            }
          }
        }
      }
      return report;
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
