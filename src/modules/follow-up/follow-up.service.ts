/** Leaders' directions on tasks, due dates recorded by the secretariat, and the editable holiday calendar. */
import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CheckInsRepository } from "./check-ins.repository.js";
import { followUpErrors } from "./follow-up.errors.js";
import { storeUpload, type UploadDeps } from "./follow-up.files.js";
import { presentDirection, presentDueDate, presentHoliday } from "./follow-up.presenter.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import type { DirectionBody, DueDateBody, HolidayBody } from "./follow-up.schemas.js";

export function createFollowUpService(deps: {
  db: Db;
  followUp: FollowUpRepository;
  checkIns: CheckInsRepository;
  audit: AuditService;
  uploads: UploadDeps;
}) {
  const { db, followUp, checkIns, audit } = deps;

  async function taskOrThrow(trx: Db | Parameters<FollowUpRepository["findTask"]>[0], taskId: string) {
    const task = await followUp.findTask(trx, taskId);
    if (!task) throw followUpErrors.taskNotFound();
    return task;
  }

  return {
    async directions(ctx: RequestContext, taskId: string) {
      assertCan(ctx.actor, "followup.read");
      await taskOrThrow(db, taskId);
      return (await followUp.directionsOf(db, taskId)).map(presentDirection);
    },

    async addDirection(ctx: RequestContext, taskId: string, input: z.infer<typeof DirectionBody>) {
      const actor = assertCan(ctx.actor, "followup.direct");
      return db.transaction().execute(async (trx) => {
        await taskOrThrow(trx, taskId);
        const row = {
          id: newId(),
          task_id: taskId,
          text: input.text,
          author_id: actor.userId,
          author_name: actor.displayName,
          created_at: nowIso(),
        };
        await followUp.insertDirection(trx, row);
        await audit.record(trx, ctx, {
          entityType: "task_direction",
          entityId: row.id,
          action: "create",
          after: presentDirection(row),
        });
        return presentDirection(row);
      });
    },

    async dueDates(ctx: RequestContext, taskId: string) {
      assertCan(ctx.actor, "followup.read");
      await taskOrThrow(db, taskId);
      return (await followUp.dueDatesOf(db, taskId)).map(presentDueDate);
    },

    /** The directive document attached to a recorded due date: an official text, readable by all who follow up. */
    async dueDateFile(ctx: RequestContext, dueDateId: string) {
      assertCan(ctx.actor, "followup.read");
      const row = await followUp.findDueDateFile(db, dueDateId);
      if (!row) throw followUpErrors.dueDateFileNotFound();
      let bytes: Buffer;
      try {
        bytes = await deps.uploads.store.read(row.storage_path);
      } catch {
        throw followUpErrors.evidenceFileMissing();
      }
      return {
        filename: row.file_name ?? row.original_name,
        mediaType: row.media_type,
        bytes,
        fallbackName: "van-ban-chi-dao",
      };
    },

    /** Records the deadline an instruction or plan set for an as_directed / per_plan task. */
    async recordDueDate(ctx: RequestContext, taskId: string, input: z.infer<typeof DueDateBody>) {
      const actor = assertCan(ctx.actor, "followup.confirm");
      return db.transaction().execute(async (trx) => {
        const task = await taskOrThrow(trx, taskId);
        const fileId = input.file ? await storeUpload(trx, deps.uploads, input.file, actor.userId) : null;
        const row = {
          id: newId(),
          task_id: taskId,
          due_date: input.dueDate,
          directive: input.directive,
          label: input.label ?? null,
          file_id: fileId,
          file_name: input.file?.filename ?? null,
          created_at: nowIso(),
          created_by: actor.userId,
        };
        await followUp.insertDueDate(trx, row);
        await checkIns.bumpRevision(trx, task.programme_id, task.id);
        await audit.record(trx, ctx, {
          entityType: "task_due_date",
          entityId: row.id,
          action: "create",
          after: presentDueDate(row),
        });
        return presentDueDate(row);
      });
    },

    async holidays(ctx: RequestContext) {
      assertCan(ctx.actor, "followup.read");
      return (await followUp.holidays(db)).map(presentHoliday);
    },

    async addHoliday(ctx: RequestContext, input: z.infer<typeof HolidayBody>) {
      assertCan(ctx.actor, "calendar.manage");
      return db.transaction().execute(async (trx) => {
        if (await followUp.findHoliday(trx, { date: input.date })) throw followUpErrors.holidayExists();
        const row = {
          id: newId(),
          date: input.date,
          name: input.name,
          kind: input.kind,
          created_at: nowIso(),
        };
        await followUp.insertHoliday(trx, row);
        await audit.record(trx, ctx, {
          entityType: "holiday",
          entityId: row.id,
          action: "create",
          after: presentHoliday(row),
        });
        return presentHoliday(row);
      });
    },

    async deleteHoliday(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "calendar.manage");
      await db.transaction().execute(async (trx) => {
        const row = await followUp.findHoliday(trx, { id });
        if (!row) throw followUpErrors.holidayNotFound();
        await followUp.deleteHoliday(trx, id);
        await audit.record(trx, ctx, {
          entityType: "holiday",
          entityId: id,
          action: "delete",
          before: presentHoliday(row),
        });
      });
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
