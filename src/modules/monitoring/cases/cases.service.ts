/**
 * Response cases opened from an item or a story: assessment, assignee (person or unit), deadline,
 * actions, evidence, outcome, state; optionally linked to a programme task. Audited. Members see and
 * edit only cases assigned to them or their unit.
 */
import type { Actor, RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { commonErrors } from "../../../platform/errors.js";
import { newId, nowIso } from "../../../platform/ids.js";
import { assertCan, hasAnyRole } from "../../../platform/policy/policy.js";
import type { AuditService } from "../../audit/audit.service.js";
import { monitoringServiceErrors as errors } from "../monitoring.errors.js";
import type { CaseDto } from "../monitoring.presenter.js";
import type { ItemsRepository } from "../storage/items.repository.js";
import type { CaseRow, CasesRepository } from "./cases.repository.js";
import type { CASE_STATES, CreateCase, UpdateCase } from "./cases.schemas.js";

export function presentCase(c: CaseRow): CaseDto {
  return {
    id: c.id,
    title: c.title,
    itemId: c.item_id,
    storyId: c.story_id,
    assessment: c.assessment as CaseDto["assessment"],
    assigneePersonId: c.assignee_person_id,
    assigneePersonName: c.assignee_person_name,
    assigneeUnitId: c.assignee_unit_id,
    assigneeUnitName: c.assignee_unit_name,
    deadline: c.deadline,
    actions: JSON.parse(c.actions_json) as CaseDto["actions"],
    evidence: JSON.parse(c.evidence_json) as { url: string; title: string }[],
    outcome: c.outcome,
    state: c.state as CaseDto["state"],
    closedAt: c.closed_at,
    taskId: c.task_id,
    version: c.version,
    createdBy: c.created_by,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function createCasesService(deps: {
  db: Db;
  cases: CasesRepository;
  items: ItemsRepository;
  audit: AuditService;
}) {
  const { db, cases } = deps;
  const isUnrestricted = (actor: Actor) => hasAnyRole(actor, ["admin", "secretariat"]);

  async function assignedTo(actor: Actor) {
    const person = actor.personId ? await cases.personUnit(db, actor.personId) : undefined;
    return { personId: actor.personId, unitId: person?.unit_id ?? null };
  }

  async function visibleOr404(actor: Actor, id: string) {
    const c = await cases.find(db, id);
    if (!c) throw errors.caseNotFound({ meta: { id } });
    if (!isUnrestricted(actor)) {
      const mine = await assignedTo(actor);
      const isMine =
        (mine.personId !== null && c.assignee_person_id === mine.personId) ||
        (mine.unitId !== null && c.assignee_unit_id === mine.unitId);
      if (!isMine) throw errors.caseNotFound({ meta: { id } });
    }
    return c;
  }

  async function validateLinks(input: {
    assigneePersonId?: string | null | undefined;
    assigneeUnitId?: string | null | undefined;
    taskId?: string | null | undefined;
  }) {
    if (input.assigneePersonId && !(await cases.personUnit(db, input.assigneePersonId)))
      throw errors.assigneeNotFound();
    if (input.assigneeUnitId && !(await cases.unitExists(db, input.assigneeUnitId)))
      throw errors.assigneeNotFound();
    // Validated only where the programmes module is installed (the tasks table exists).
    if (input.taskId && (await cases.findTask(db, input.taskId)) === undefined)
      throw errors.taskNotFound({ meta: { taskId: input.taskId } });
  }

  return {
    async board(ctx: RequestContext, filter: { state?: string | undefined; mine?: string | undefined }) {
      const actor = assertCan(ctx.actor, "monitoring.case");
      const restrict = !isUnrestricted(actor) || filter.mine === "true";
      const rows = await cases.list(db, {
        state: filter.state,
        ...(restrict && { assignedTo: await assignedTo(actor) }),
      });
      const board: Record<(typeof CASE_STATES)[number], CaseDto[]> = {
        open: [],
        in_progress: [],
        resolved: [],
        closed: [],
      };
      for (const r of rows) board[r.state as CaseDto["state"]]?.push(presentCase(r));
      return board;
    },

    async get(ctx: RequestContext, id: string) {
      return visibleOr404(assertCan(ctx.actor, "monitoring.case"), id);
    },

    async create(ctx: RequestContext, input: CreateCase) {
      const actor = assertCan(ctx.actor, "monitoring.case");
      if (!isUnrestricted(actor))
        throw commonErrors.forbidden({ meta: { reason: "only the secretariat opens cases" } });
      if (!input.itemId && !input.storyId) throw errors.caseNeedsSubject();
      const item = input.itemId ? await deps.items.find(db, input.itemId) : undefined;
      if (input.itemId && !item) throw errors.itemNotFound({ meta: { id: input.itemId } });
      const story = input.storyId ? await deps.items.findStory(db, input.storyId) : undefined;
      if (input.storyId && !story) throw errors.storyNotFound({ meta: { id: input.storyId } });
      await validateLinks(input);
      const now = nowIso();
      const id = newId();
      return db.transaction().execute(async (trx) => {
        await cases.insert(trx, {
          id,
          title: input.title ?? item?.title ?? story?.title ?? "",
          item_id: input.itemId ?? null,
          story_id: input.storyId ?? item?.story_id ?? null,
          assessment: input.assessment,
          assignee_person_id: input.assigneePersonId ?? null,
          assignee_unit_id: input.assigneeUnitId ?? null,
          deadline: input.deadline ?? null,
          actions_json: "[]",
          evidence_json: "[]",
          outcome: null,
          state: "open",
          task_id: input.taskId ?? null,
          version: 1,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        const created = (await cases.find(trx, id)) as CaseRow;
        await deps.audit.record(trx, ctx, {
          entityType: "monitoring_case",
          entityId: id,
          action: "create",
          after: presentCase(created),
        });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateCase) {
      const actor = assertCan(ctx.actor, "monitoring.case");
      const before = await visibleOr404(actor, id);
      // Members work the case (actions, evidence, outcome, state) but do not reassign it.
      if (
        !isUnrestricted(actor) &&
        (input.assigneePersonId !== undefined ||
          input.assigneeUnitId !== undefined ||
          input.assessment !== undefined)
      )
        throw commonErrors.forbidden({ meta: { reason: "members cannot reassign or reassess cases" } });
      await validateLinks(input);
      const now = nowIso();
      const isClosing = (state: string) => state === "resolved" || state === "closed";
      // Closing stamps the time; reopening clears it; moving between resolved and closed keeps it.
      const closedAt =
        input.state === undefined || isClosing(input.state) === isClosing(before.state)
          ? undefined
          : isClosing(input.state)
            ? now
            : null;
      return db.transaction().execute(async (trx) => {
        const isUpdated = await cases.update(trx, id, input.version, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.assessment !== undefined && { assessment: input.assessment }),
          ...(input.assigneePersonId !== undefined && { assignee_person_id: input.assigneePersonId }),
          ...(input.assigneeUnitId !== undefined && { assignee_unit_id: input.assigneeUnitId }),
          ...(input.deadline !== undefined && { deadline: input.deadline }),
          ...(input.state !== undefined && { state: input.state }),
          ...(input.outcome !== undefined && { outcome: input.outcome }),
          ...(input.taskId !== undefined && { task_id: input.taskId }),
          ...(input.actions !== undefined && {
            actions_json: JSON.stringify(input.actions.map((a) => ({ ...a, at: a.at ?? nowIso() }))),
          }),
          ...(input.evidence !== undefined && { evidence_json: JSON.stringify(input.evidence) }),
          ...(closedAt !== undefined && { closed_at: closedAt }),
          updated_at: now,
        });
        if (!isUpdated) throw errors.versionConflict({ meta: { id, version: before.version } });
        const after = (await cases.find(trx, id)) as CaseRow;
        await deps.audit.record(trx, ctx, {
          entityType: "monitoring_case",
          entityId: id,
          action: "update",
          before: presentCase(before),
          after: presentCase(after),
        });
        return after;
      });
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
