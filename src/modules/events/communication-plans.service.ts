/**
 * Communication plans of events (kế hoạch truyền thông): products, channels, languages, responsible
 * units and deadlines. An item linked to a task is a milestone of that task — shown on its page and in
 * the follow-up calendar — while the task's own due date (what the status engine reads) is untouched.
 * Before each deadline a job reminds the responsible unit's people in-app and by e-mail; the job's
 * idempotency key, the item's `reminded_for` and the e-mail delivery log make sure a restart or a retry
 * never reminds twice.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import type { JobsRepository } from "../../platform/jobs/jobs.repository.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  CreatePlanItemBody,
  PlanItem,
  PlanItemQuery,
  UpdatePlanItemBody,
} from "../../shared/api/events.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import { toHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import type { EmailOnce } from "../notifications/email-once.js";
import type { NotificationsRepository } from "../notifications/notifications.repository.js";
import { ImportedPlanItem, PLAN_IMPORT_COLUMNS } from "./communication-plans.import.js";
import {
  foldPlanText,
  type PlanItemRow,
  type PlanItemsRepository,
} from "./communication-plans.repository.js";
import type { EventPlanItemTable } from "./communication-plans.tables.js";
import { eventErrors, planErrors } from "./events.errors.js";
import { formatDayVi } from "./events.presenter.js";

export const PLAN_REMINDER_JOB = "event_plan.remind";
/** Reminders go out at 08:00 in Hải Phòng (01:00 UTC). */
const REMIND_AT_UTC = "T01:00:00.000Z";

export function presentPlanItem(row: PlanItemRow): PlanItem {
  const languages: unknown = JSON.parse(row.languages_json);
  return {
    id: row.id,
    eventId: row.event_id,
    eventTitle: row.event_title,
    product: row.product,
    channel: row.channel as PlanItem["channel"],
    languages: Array.isArray(languages) ? languages.map(String) : [],
    unitId: row.unit_id,
    unitName: row.unit_name,
    deadline: row.deadline,
    taskId: row.task_id,
    taskRef: row.task_ref,
    taskText: row.task_text,
    doneOn: row.done_on,
    note: row.note,
    remindedFor: row.reminded_for,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const addDaysIso = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function createCommunicationPlansService(deps: {
  db: Db;
  plans: PlanItemsRepository;
  audit: AuditService;
  jobs: JobsRepository;
  notifications: NotificationsRepository;
  /** Reminder e-mails, each sent once (disabled without `SMTP_URL`: reminders stay in-app). */
  email: EmailOnce;
  /** Days before a deadline the responsible unit is reminded. */
  remindDaysBefore: number;
  now?: () => Date;
}) {
  const { db, plans, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function mustFind(trx: DbOrTrx, id: string, eventId?: string): Promise<PlanItemRow> {
    const row = await plans.find(trx, id);
    if (!row || (eventId !== undefined && row.event_id !== eventId))
      throw planErrors.itemNotFound({ meta: { id } });
    return row;
  }

  async function assertRefs(input: {
    taskId?: string | null | undefined;
    unitId?: string | null | undefined;
  }) {
    if (input.taskId && !(await plans.taskExists(db, input.taskId))) throw planErrors.taskNotFound();
    if (input.unitId && !(await plans.unitExists(db, input.unitId))) throw planErrors.unitNotFound();
  }

  /**
   * Enqueues the reminder of an open item with a unit, in the caller's transaction: `daysBefore` the
   * deadline at 08:00, or now when that moment has passed but the deadline has not.
   */
  async function scheduleReminder(trx: DbOrTrx, row: EventPlanItemTable) {
    if (!row.unit_id || row.done_on || row.reminded_for === row.deadline) return;
    const at = now();
    const today = toHoChiMinh(at).date;
    if (row.deadline < today) return;
    const planned = new Date(`${addDaysIso(row.deadline, -deps.remindDaysBefore)}${REMIND_AT_UTC}`);
    const runAt = planned < at ? at : planned;
    await deps.jobs.enqueue(
      trx,
      {
        name: PLAN_REMINDER_JOB,
        payload: { itemId: row.id, deadline: row.deadline },
        runAt: runAt.toISOString(),
        idempotencyKey: `${PLAN_REMINDER_JOB}|${row.id}|${row.deadline}`,
      },
      at.toISOString(),
    );
  }

  /** The reminder's words, the same in-app and by e-mail. */
  function reminderMessage(item: PlanItemRow, fullName: string) {
    return {
      title: `Sắp đến hạn kế hoạch truyền thông: ${item.product} – hạn ${formatDayVi(item.deadline)}`,
      body: [
        `Kính gửi đồng chí ${fullName},`,
        "",
        `Theo kế hoạch truyền thông sự kiện “${item.event_title}”, đơn vị ${item.unit_name ?? ""} thực hiện sản phẩm “${item.product}” trước ngày ${formatDayVi(item.deadline)}.`,
        item.task_ref ? `Sản phẩm là mốc của nhiệm vụ ${item.task_ref}.` : "",
        "",
        "Đề nghị đồng chí cập nhật kết quả trên hệ thống Hải Đăng.",
      ]
        .filter((line, i, all) => line !== "" || all[i - 1] !== "")
        .join("\n"),
    };
  }

  const stillDue = (
    item: PlanItemRow | undefined,
    payload: { deadline: string },
  ): item is PlanItemRow & { unit_id: string } =>
    !!item &&
    !item.done_on &&
    !!item.unit_id &&
    item.deadline === payload.deadline &&
    item.reminded_for !== item.deadline;

  /**
   * E-mails the unit's people (the person's address, else the account's — the follow-up reminders' rule),
   * once per item, deadline and address: the delivery is recorded before the message leaves.
   */
  async function emailUnit(item: PlanItemRow & { unit_id: string }): Promise<number> {
    if (!deps.email.isEnabled) return 0;
    const people = await deps.notifications.recipients(db, [], [item.unit_id]);
    const seen = new Set<string>();
    let sent = 0;
    for (const p of people) {
      const to = p.person_email ?? p.user_email;
      if (!to || seen.has(to.toLowerCase())) continue;
      seen.add(to.toLowerCase());
      const msg = reminderMessage(item, p.full_name);
      const outcome = await deps.email.send(
        {
          key: `${PLAN_REMINDER_JOB}|${item.id}|${item.deadline}|email|${to.toLowerCase()}`,
          taskId: item.task_id ?? "",
          kind: "plan_item",
          due: item.deadline,
        },
        { to, subject: `[Hải Đăng] ${msg.title}`, text: msg.body },
      );
      if (outcome === "sent") sent++;
    }
    return sent;
  }

  /**
   * The reminder job: tells the responsible unit's people by e-mail and in-app, once per item and
   * deadline. E-mails go first, each recorded once; then the in-app notices and the item's mark in one
   * transaction — a retry after a crash between the two resends no e-mail and notifies once. A job for
   * a deadline that has since moved, an item done or deleted, does nothing.
   */
  async function remind(payload: {
    itemId: string;
    deadline: string;
  }): Promise<{ notified: number; emailed: number }> {
    const found = await plans.find(db, payload.itemId);
    if (!stillDue(found, payload)) return { notified: 0, emailed: 0 };
    const emailed = await emailUnit(found);
    const notified = await db.transaction().execute(async (trx) => {
      const item = await plans.find(trx, payload.itemId);
      if (!stillDue(item, payload)) return 0;
      const people = await plans.unitAccounts(trx, item.unit_id);
      for (const p of people) {
        const msg = reminderMessage(item, p.full_name);
        await deps.notifications.insertNotification(trx, {
          id: newId(),
          user_id: p.user_id,
          kind: "reminder.plan_item",
          title: msg.title,
          body: msg.body,
          task_id: item.task_id,
          programme_id: null,
          created_at: nowIso(),
          read_at: null,
        });
      }
      await plans.update(trx, item.id, { reminded_for: item.deadline });
      return people.length;
    });
    return { notified, emailed };
  }

  return {
    async listForEvent(ctx: RequestContext, eventId: string) {
      assertCan(ctx.actor, "events.read");
      if (!(await plans.eventExists(db, eventId))) throw eventErrors.eventNotFound();
      return plans.list(db, { eventId });
    },

    async list(ctx: RequestContext, query: PlanItemQuery) {
      assertCan(ctx.actor, "events.read");
      return plans.list(db, query);
    },

    async milestonesOfTask(ctx: RequestContext, taskId: string) {
      assertCan(ctx.actor, "followup.read");
      return plans.milestonesOfTask(db, taskId);
    },

    async create(ctx: RequestContext, eventId: string, input: CreatePlanItemBody) {
      assertCan(ctx.actor, "events.manage");
      if (!(await plans.eventExists(db, eventId))) throw eventErrors.eventNotFound();
      await assertRefs(input);
      const stamp = nowIso();
      const row: EventPlanItemTable = {
        id: newId(),
        event_id: eventId,
        product: input.product,
        folded_text: foldPlanText(input.product, input.note),
        channel: input.channel,
        languages_json: JSON.stringify(input.languages),
        unit_id: input.unitId ?? null,
        deadline: input.deadline,
        task_id: input.taskId ?? null,
        done_on: null,
        note: input.note ?? null,
        reminded_for: null,
        created_by: ctx.actor?.userId ?? null,
        created_at: stamp,
        updated_at: stamp,
      };
      return db.transaction().execute(async (trx) => {
        await plans.insert(trx, row);
        await scheduleReminder(trx, row);
        const created = await mustFind(trx, row.id);
        await audit.record(trx, ctx, {
          entityType: "event_plan_item",
          entityId: row.id,
          action: "create",
          after: presentPlanItem(created),
        });
        return created;
      });
    },

    /**
     * Imports an event's plan items from the first sheet of a workbook: every row is checked first; with
     * any bad row nothing is written and the answer (400 `import_rows_invalid`) lists each problem by row.
     */
    async importWorkbook(ctx: RequestContext, eventId: string, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "events.manage");
      if (!(await plans.eventExists(db, eventId))) throw eventErrors.eventNotFound();
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        PLAN_IMPORT_COLUMNS,
        ImportedPlanItem,
      );
      const units = new Map((await plans.unitNames(db)).map((u) => [foldVietnamese(u.name), u.id]));
      const rows: EventPlanItemTable[] = [];
      const stamp = nowIso();
      for (const { row, value } of report.rows) {
        const unitId = value.unit ? units.get(foldVietnamese(value.unit)) : undefined;
        if (value.unit && !unitId) {
          report.problems.push({
            row,
            column: "Đơn vị thực hiện",
            code: "plan_unit_not_found",
            message: {
              vi: `Dòng ${row}, cột "Đơn vị thực hiện": không có đơn vị "${value.unit}" trong danh bạ`,
              en: `Row ${row}, column "Đơn vị thực hiện": no unit "${value.unit}" in the directory`,
            },
          });
          continue;
        }
        rows.push({
          id: newId(),
          event_id: eventId,
          product: value.product,
          folded_text: foldPlanText(value.product, value.note),
          channel: value.channel,
          languages_json: JSON.stringify(value.languages),
          unit_id: unitId ?? null,
          deadline: value.deadline,
          task_id: null,
          done_on: null,
          note: value.note,
          reminded_for: null,
          created_by: ctx.actor?.userId ?? null,
          created_at: stamp,
          updated_at: stamp,
        });
      }
      assertNoProblems(report);
      await db.transaction().execute(async (trx) => {
        for (const row of rows) {
          await plans.insert(trx, row);
          await scheduleReminder(trx, row);
          const created = await mustFind(trx, row.id);
          await audit.record(trx, ctx, {
            entityType: "event_plan_item",
            entityId: row.id,
            action: "import",
            after: presentPlanItem(created),
          });
        }
      });
      return { imported: rows.length };
    },

    async update(ctx: RequestContext, eventId: string, id: string, input: UpdatePlanItemBody) {
      assertCan(ctx.actor, "events.manage");
      const before = await mustFind(db, id, eventId);
      await assertRefs(input);
      const product = input.product ?? before.product;
      const note = input.note !== undefined ? input.note : before.note;
      return db.transaction().execute(async (trx) => {
        await plans.update(trx, id, {
          ...(input.product !== undefined && { product: input.product }),
          ...(input.channel !== undefined && { channel: input.channel }),
          ...(input.languages !== undefined && { languages_json: JSON.stringify(input.languages) }),
          ...(input.unitId !== undefined && { unit_id: input.unitId }),
          ...(input.deadline !== undefined && { deadline: input.deadline }),
          ...(input.taskId !== undefined && { task_id: input.taskId }),
          ...(input.note !== undefined && { note: input.note }),
          ...(input.doneOn !== undefined && { done_on: input.doneOn }),
          folded_text: foldPlanText(product, note),
          updated_at: nowIso(),
        });
        const after = await mustFind(trx, id);
        // A new deadline (or a newly named unit) gets its own reminder; the old job finds it stale.
        await scheduleReminder(trx, after);
        await audit.record(trx, ctx, {
          entityType: "event_plan_item",
          entityId: id,
          action: "update",
          before: presentPlanItem(before),
          after: presentPlanItem(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, eventId: string, id: string) {
      assertCan(ctx.actor, "events.manage");
      const before = await mustFind(db, id, eventId);
      await db.transaction().execute(async (trx) => {
        await plans.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "event_plan_item",
          entityId: id,
          action: "delete",
          before: presentPlanItem(before),
        });
      });
    },

    remind,

    /** Registers the reminder job with the runner. */
    registerJobs(jobs: JobRunner) {
      jobs.register<{ itemId: string; deadline: string }>({
        name: PLAN_REMINDER_JOB,
        handle: ({ payload }) => remind(payload),
      });
    },
  };
}

export type CommunicationPlansService = ReturnType<typeof createCommunicationPlansService>;
