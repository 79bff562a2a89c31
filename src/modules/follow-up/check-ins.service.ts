/**
 * Check-ins (báo cáo tiến độ): a lead party reports on a task for a period, coordinators add
 * contributions; drafts stay private to their author until submitted; the secretariat confirms,
 * returns or reopens. Every save keeps an immutable version; every change is audited.
 */
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan, can, hasAnyRole } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CheckInsRepository } from "./check-ins.repository.js";
import { programmePeriod } from "./follow-up.data.js";
import { followUpErrors } from "./follow-up.errors.js";
import { storeUpload, type UploadDeps } from "./follow-up.files.js";
import { presentCheckIn, presentVersion } from "./follow-up.presenter.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import type { CreateCheckInInput, EvidenceInput, UpdateCheckInInput } from "./follow-up.schemas.js";
import type { CheckInTable } from "./follow-up.tables.js";
import { CALENDAR_REPORTING_RULES, reportingPeriod } from "./status/status.periods.js";

const ANYWHERE = ["secretariat", "admin"] as const;
/** Roles that may download any task's evidence; members only their tasks' (as a party, or through their unit). */
const EVIDENCE_ANYWHERE = ["secretariat", "admin", "leader"] as const;

type TaskRow = NonNullable<Awaited<ReturnType<FollowUpRepository["findTask"]>>>;

export function createCheckInsService(deps: {
  db: Db;
  checkIns: CheckInsRepository;
  followUp: FollowUpRepository;
  audit: AuditService;
  uploads: UploadDeps;
}) {
  const { db, checkIns, followUp, audit } = deps;

  async function loadTask(trx: DbOrTrx, taskId: string): Promise<TaskRow> {
    const task = await followUp.findTask(trx, taskId);
    if (!task) throw followUpErrors.taskNotFound();
    return task;
  }

  /** The lead/coordinator parties of the task the actor may report for (all of them for the secretariat). */
  async function partiesFor(trx: DbOrTrx, actor: Actor, taskId: string) {
    const parties = (await followUp.partiesOfTask(trx, taskId)).filter((p) => p.role !== "directing");
    if (hasAnyRole(actor, ANYWHERE)) return parties;
    if (!actor.personId) return [];
    const person = await followUp.personUnit(trx, actor.personId);
    return parties.filter(
      (p) => p.person_id === actor.personId || (person?.unit_id != null && p.unit_id === person.unit_id),
    );
  }

  function assertPeriod(task: TaskRow, key: string) {
    const range = programmePeriod(task);
    const p = reportingPeriod(key, CALENDAR_REPORTING_RULES);
    if (p.end < range.start || p.start > range.end) {
      throw followUpErrors.invalidPeriod({
        vi: `Kỳ ${p.label} nằm ngoài thời gian của chương trình (${range.start} – ${range.end})`,
        en: `Period ${key} is outside the programme's period (${range.start} – ${range.end})`,
      });
    }
  }

  /** Whether the actor may download the evidence of every visible check-in of a task. */
  async function readsEvidenceOf(trx: DbOrTrx, actor: Actor, taskId: string): Promise<boolean> {
    if (!can(actor, "followup.evidence.read")) return false;
    if (hasAnyRole(actor, EVIDENCE_ANYWHERE)) return true;
    if (!actor.personId) return false;
    const [parties, person] = await Promise.all([
      followUp.partiesOfTask(trx, taskId),
      followUp.personUnit(trx, actor.personId),
    ]);
    return parties.some(
      (p) => p.person_id === actor.personId || (person?.unit_id != null && p.unit_id === person.unit_id),
    );
  }

  /** Evidence of a check-in downloads for readers of the task's evidence and for the check-in's author. */
  const mayDownload = (actor: Actor, row: Pick<CheckInTable, "created_by">, readsTask: boolean) =>
    can(actor, "followup.evidence.read") && (readsTask || row.created_by === actor.userId);

  /** A check-in the actor may see: drafts only by their author. */
  async function visible(trx: DbOrTrx, actor: Actor, id: string): Promise<CheckInTable> {
    const row = await checkIns.find(trx, id);
    if (!row || (row.state === "draft" && row.created_by !== actor.userId))
      throw followUpErrors.checkInNotFound();
    return row;
  }

  function assertAuthor(actor: Actor, row: CheckInTable) {
    if (row.created_by !== actor.userId && !hasAnyRole(actor, ANYWHERE)) throw followUpErrors.notAuthor();
  }

  const snapshot = (c: CheckInTable) => {
    const { evidence: _e, ...rest } = presentCheckIn(c);
    return rest;
  };

  async function saveVersion(
    trx: DbOrTrx,
    ctx: RequestContext,
    row: CheckInTable,
    action: string,
    before: CheckInTable | null,
    note: string | null = null,
  ) {
    const after = snapshot(row);
    await checkIns.insertVersion(trx, {
      id: newId(),
      check_in_id: row.id,
      version: row.version,
      action,
      state: row.state,
      snapshot_json: JSON.stringify(after),
      saved_at: row.updated_at,
      saved_by: ctx.actor?.userId ?? null,
      note,
    });
    const task = await followUp.findTask(trx, row.task_id);
    if (task) await checkIns.bumpRevision(trx, task.programme_id, task.id);
    await audit.record(trx, ctx, {
      entityType: "check_in",
      entityId: row.id,
      action,
      before: before ? snapshot(before) : null,
      after: note ? { ...after, note } : after,
    });
  }

  async function transition(
    ctx: RequestContext,
    id: string,
    action: "submit" | "confirm" | "return" | "reopen",
    reason?: string,
  ) {
    const actor =
      action === "submit"
        ? assertCan(ctx.actor, "followup.report")
        : assertCan(ctx.actor, "followup.confirm");
    return db.transaction().execute(async (trx) => {
      const before = await visible(trx, actor, id);
      const now = nowIso();
      let patch: Partial<CheckInTable>;
      if (action === "submit") {
        assertAuthor(actor, before);
        if (before.state !== "draft" && before.state !== "returned") throw followUpErrors.invalidState();
        patch = { state: "submitted", submitted_at: now };
      } else if (action === "confirm") {
        if (before.state !== "submitted") throw followUpErrors.invalidState();
        patch = { state: "confirmed", confirmed_at: now, confirmed_by: actor.userId };
      } else if (action === "return") {
        if (before.state !== "submitted") throw followUpErrors.invalidState();
        patch = {
          state: "returned",
          returned_at: now,
          returned_by: actor.userId,
          return_reason: reason ?? null,
        };
      } else {
        if (before.state !== "confirmed") throw followUpErrors.invalidState();
        // Reopened: editable again by its author, no longer counted as confirmed.
        patch = {
          state: "returned",
          confirmed_at: null,
          confirmed_by: null,
          returned_at: now,
          returned_by: actor.userId,
          return_reason: reason ?? "Mở lại để chỉnh sửa / reopened for editing",
        };
      }
      await checkIns.update(trx, id, { ...patch, updated_at: now });
      const after = { ...before, ...patch, updated_at: now };
      const note = action === "reopen" ? (patch.return_reason ?? null) : reason?.trim() || null;
      await saveVersion(trx, ctx, after, action, before, note);
      return after;
    });
  }

  return {
    async listForTask(ctx: RequestContext, taskId: string) {
      const actor = assertCan(ctx.actor, "followup.read");
      await loadTask(db, taskId);
      const rows = await checkIns.listForTask(db, taskId, actor.userId);
      const readsTask = await readsEvidenceOf(db, actor, taskId);
      return {
        rows,
        evidence: await checkIns.evidenceOf(
          db,
          rows.map((r) => r.id),
        ),
        /** Check-ins whose evidence files the actor may download. */
        downloadable: new Set(rows.filter((r) => mayDownload(actor, r, readsTask)).map((r) => r.id)),
      };
    },

    async get(ctx: RequestContext, id: string) {
      const actor = assertCan(ctx.actor, "followup.read");
      const row = await visible(db, actor, id);
      return {
        row,
        evidence: await checkIns.evidenceOf(db, [id]),
        versions: (await checkIns.versions(db, id)).map(presentVersion),
        canDownload: mayDownload(actor, row, await readsEvidenceOf(db, actor, row.task_id)),
      };
    },

    /**
     * An evidence file to download. Drafts stay private to their author (404 to anyone else);
     * otherwise the author, the secretariat, admins and leaders, and members who are a party of the
     * task (in person or through their unit) may download it.
     */
    async evidenceFile(ctx: RequestContext, evidenceId: string) {
      const actor = assertCan(ctx.actor, "followup.evidence.read");
      const row = await checkIns.findEvidence(db, evidenceId);
      if (
        !row ||
        row.file_id === null ||
        row.storage_path === null ||
        (row.state === "draft" && row.created_by !== actor.userId)
      )
        throw followUpErrors.evidenceNotFound();
      if (!mayDownload(actor, row, await readsEvidenceOf(db, actor, row.task_id)))
        throw followUpErrors.evidenceForbidden();
      let bytes: Buffer;
      try {
        bytes = await deps.uploads.store.read(row.storage_path);
      } catch {
        throw followUpErrors.evidenceFileMissing();
      }
      return {
        filename: row.file_name ?? row.original_name ?? row.title,
        mediaType: row.media_type ?? "application/octet-stream",
        bytes,
      };
    },

    async create(ctx: RequestContext, taskId: string, input: CreateCheckInInput) {
      const actor = assertCan(ctx.actor, "followup.report");
      return db.transaction().execute(async (trx) => {
        const task = await loadTask(trx, taskId);
        const mine = await partiesFor(trx, actor, taskId);
        const party = input.partyId
          ? mine.find((p) => p.person_id === input.partyId || p.unit_id === input.partyId)
          : (mine.find((p) => p.role === "lead") ?? mine[0]);
        if (!party) throw followUpErrors.notAParty();
        assertPeriod(task, input.period);
        const now = nowIso();
        const row: CheckInTable = {
          id: newId(),
          task_id: taskId,
          party_person_id: party.person_id,
          party_unit_id: party.unit_id,
          party_name: party.name,
          role: party.role === "lead" ? "lead" : "coordinator",
          period: input.period,
          milestone: input.milestone ?? null,
          state: "draft",
          version: 1,
          done_text: input.doneText,
          progress: input.progress,
          milestones_reached_json: JSON.stringify(input.milestonesReached ?? []),
          difficulties: input.difficulties ?? null,
          proposals: input.proposals ?? null,
          reported_complete: input.reportedComplete ? 1 : 0,
          completed_on: input.completedOn ?? null,
          submitted_at: null,
          confirmed_at: null,
          confirmed_by: null,
          returned_at: null,
          returned_by: null,
          return_reason: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        };
        await checkIns.insert(trx, row);
        for (const link of input.links ?? []) {
          await checkIns.insertEvidence(trx, {
            id: newId(),
            check_in_id: row.id,
            kind: link.kind,
            file_id: null,
            url: link.url ?? null,
            title: link.title,
            count: link.count ?? null,
            created_at: now,
            created_by: actor.userId,
          });
        }
        await saveVersion(trx, ctx, row, "create", null);
        return row;
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateCheckInInput) {
      const actor = assertCan(ctx.actor, "followup.report");
      return db.transaction().execute(async (trx) => {
        const before = await visible(trx, actor, id);
        assertAuthor(actor, before);
        if (before.state === "confirmed") throw followUpErrors.lockedConfirmed();
        if (before.state === "submitted") throw followUpErrors.invalidState();
        if (input.period) assertPeriod(await loadTask(trx, before.task_id), input.period);
        const patch: Partial<CheckInTable> = {
          ...(input.period !== undefined && { period: input.period }),
          ...(input.doneText !== undefined && { done_text: input.doneText }),
          ...(input.progress !== undefined && { progress: input.progress }),
          ...(input.milestone !== undefined && { milestone: input.milestone }),
          ...(input.milestonesReached !== undefined && {
            milestones_reached_json: JSON.stringify(input.milestonesReached),
          }),
          ...(input.difficulties !== undefined && { difficulties: input.difficulties }),
          ...(input.proposals !== undefined && { proposals: input.proposals }),
          ...(input.reportedComplete !== undefined && { reported_complete: input.reportedComplete ? 1 : 0 }),
          ...(input.completedOn !== undefined && { completed_on: input.completedOn }),
          version: before.version + 1,
          updated_at: nowIso(),
        };
        await checkIns.update(trx, id, patch);
        const after = { ...before, ...patch };
        await saveVersion(trx, ctx, after, "update", before);
        return after;
      });
    },

    submit: (ctx: RequestContext, id: string) => transition(ctx, id, "submit"),
    /** Confirms a submitted check-in; the optional comment is kept in its history. */
    confirm: (ctx: RequestContext, id: string, comment?: string) => transition(ctx, id, "confirm", comment),
    return: (ctx: RequestContext, id: string, reason: string) => transition(ctx, id, "return", reason),
    reopen: (ctx: RequestContext, id: string, reason?: string) => transition(ctx, id, "reopen", reason),

    async addEvidence(ctx: RequestContext, id: string, input: EvidenceInput) {
      const actor = assertCan(ctx.actor, "followup.report");
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        assertAuthor(actor, row);
        if (row.state === "confirmed") throw followUpErrors.lockedConfirmed();
        const now = nowIso();
        const evidenceId = newId();
        if ("contentBase64" in input) {
          const fileId = await storeUpload(trx, deps.uploads, input, actor.userId);
          await checkIns.insertEvidence(trx, {
            id: evidenceId,
            check_in_id: id,
            kind: "file",
            file_id: fileId,
            file_name: input.filename,
            url: null,
            title: input.filename,
            count: null,
            created_at: now,
            created_by: actor.userId,
          });
        } else {
          await checkIns.insertEvidence(trx, {
            id: evidenceId,
            check_in_id: id,
            kind: input.kind,
            file_id: null,
            url: input.url ?? null,
            title: input.title,
            count: input.count ?? null,
            created_at: now,
            created_by: actor.userId,
          });
        }
        await audit.record(trx, ctx, {
          entityType: "check_in_evidence",
          entityId: evidenceId,
          action: "create",
          after: { checkInId: id, ...("contentBase64" in input ? { filename: input.filename } : input) },
        });
        const evidence = await checkIns.evidenceOf(trx, [id]);
        return evidence.find((e) => e.id === evidenceId);
      });
    },
  };
}

export type CheckInsService = ReturnType<typeof createCheckInsService>;
