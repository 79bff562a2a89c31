/**
 * Register entries attached to programme tasks as evidence (minh chứng): from the entry's page or
 * from a check-in. Anyone who reads follow-up sees a task's linked entries; the task's lead and
 * coordinating parties (or their units) and the secretariat attach and detach them. Every change is
 * audited. Reports read the figures of every register and the entries linked to each task.
 */
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan, can, hasAnyRole } from "../../platform/policy/policy.js";
import type { LinkRecordBody } from "../../shared/api/registers.js";
import type { AuditService } from "../audit/audit.service.js";
import {
  type RegisterEntrySummary,
  type RegisterFigures,
  type RegisterKind,
  registerKindsByName,
} from "./register-kinds.js";
import { registerErrors } from "./registers.errors.js";
import type { RegistersRepository } from "./registers.repository.js";
import type { TaskRecordLinkTable } from "./registers.tables.js";

/** An entry linked to a task, as a report names it. */
export interface ReportTaskEntry {
  /** The register's name, e.g. "Đoàn ra, đoàn vào". */
  label: string;
  title: string;
  date: string | null;
}

/** The registers' part of a report: every register's figures, and the entries linked to each task. */
export interface ReportRegisters {
  figures: RegisterFigures[];
  byTask: Map<string, ReportTaskEntry[]>;
}

const ANYWHERE = ["secretariat", "admin"] as const;
const PICKER_LIMIT = 20;

export function createRegistersService(deps: {
  db: Db;
  links: RegistersRepository;
  audit: AuditService;
  kinds: readonly RegisterKind[];
}) {
  const { db, links, audit } = deps;
  const kinds = registerKindsByName(deps.kinds);

  function kindOf(name: string): RegisterKind {
    const k = kinds.get(name);
    if (!k) throw registerErrors.unknownKind();
    return k;
  }
  const labelOf = (k: RegisterKind, ctx: RequestContext) => (ctx.lang === "en" ? k.label.en : k.label.vi);

  /** Whether the actor may attach entries to (and detach them from) a task. */
  async function mayLink(trx: DbOrTrx, actor: Actor, taskId: string): Promise<boolean> {
    return (await mayLinkEach(trx, actor, [taskId])).has(taskId);
  }

  /** The tasks, among `taskIds`, the actor may attach entries to: two queries, whatever their number. */
  async function mayLinkEach(trx: DbOrTrx, actor: Actor, taskIds: readonly string[]): Promise<Set<string>> {
    if (!can(actor, "registers.link") || taskIds.length === 0) return new Set();
    if (hasAnyRole(actor, ANYWHERE)) return new Set(taskIds);
    if (!actor.personId) return new Set();
    const [parties, person] = await Promise.all([
      links.partiesOfTasks(trx, taskIds),
      links.personUnit(trx, actor.personId),
    ]);
    const unitId = person?.unit_id ?? null;
    return new Set(
      parties
        .filter((p) => p.person_id === actor.personId || (unitId !== null && p.unit_id === unitId))
        .map((p) => p.task_id),
    );
  }

  async function assertMayLink(trx: DbOrTrx, actor: Actor, taskId: string) {
    if (!(await links.taskExists(trx, taskId))) throw registerErrors.taskNotFound();
    if (!(await mayLink(trx, actor, taskId))) throw registerErrors.notAParty();
  }

  /** Summaries of entries grouped by kind; deleted entries are absent. */
  async function summariesOf(rows: readonly { record_kind: string; record_id: string }[]) {
    const byKind = new Map<string, string[]>();
    for (const r of rows) {
      const ids = byKind.get(r.record_kind);
      if (ids) ids.push(r.record_id);
      else byKind.set(r.record_kind, [r.record_id]);
    }
    // One query per register, whatever the number of tasks; on PostgreSQL they run side by side.
    return new Map(
      await Promise.all(
        [...byKind].map(async ([name, ids]) => {
          const k = kinds.get(name);
          return [name, k ? await k.summaries(db, ids) : new Map<string, RegisterEntrySummary>()] as const;
        }),
      ),
    );
  }

  function presentLink(
    ctx: RequestContext,
    r: TaskRecordLinkTable,
    entry: RegisterEntrySummary | undefined,
    canUnlink: boolean,
  ) {
    const k = kinds.get(r.record_kind);
    return {
      id: r.id,
      kind: r.record_kind,
      kindLabel: k ? labelOf(k, ctx) : r.record_kind,
      recordId: r.record_id,
      checkInId: r.check_in_id,
      note: r.note,
      createdAt: r.created_at,
      title: entry?.title ?? null,
      date: entry?.date ?? null,
      path: entry?.path ?? null,
      canUnlink,
    };
  }

  return {
    /** The registers installed, with their labels in the caller's language. */
    kinds(ctx: RequestContext) {
      assertCan(ctx.actor, "followup.read");
      return [...kinds.values()].map((k) => ({ kind: k.kind, label: labelOf(k, ctx) }));
    },

    /** Entries of one register for the "attach to a task" picker. */
    async searchEntries(ctx: RequestContext, kind: string, query: string) {
      assertCan(ctx.actor, "registers.link");
      const k = kindOf(kind);
      return (await k.search(db, query, PICKER_LIMIT)).map((e) => ({ kind: k.kind, ...e }));
    },

    /** A task's linked entries, with what the caller may do. */
    async ofTask(ctx: RequestContext, taskId: string) {
      const actor = assertCan(ctx.actor, "followup.read");
      if (!(await links.taskExists(db, taskId))) throw registerErrors.taskNotFound();
      const rows = await links.ofTask(db, taskId);
      const summaries = await summariesOf(rows);
      const canLink = await mayLink(db, actor, taskId);
      return {
        canLink,
        items: rows.map((r) => presentLink(ctx, r, summaries.get(r.record_kind)?.get(r.record_id), canLink)),
      };
    },

    /** Tasks an entry is linked to. */
    async tasksOf(ctx: RequestContext, kind: string, recordId: string) {
      const actor = assertCan(ctx.actor, "followup.read");
      kindOf(kind);
      const rows = await links.tasksOf(db, kind, recordId);
      const mayUnlink = await mayLinkEach(
        db,
        actor,
        rows.map((r) => r.task_id),
      );
      return rows.map((r) => ({
        linkId: r.link_id,
        taskId: r.task_id,
        ref: r.ref,
        text: r.text,
        programmeId: r.programme_id,
        programmeTitle: r.programme_title,
        checkInId: r.check_in_id,
        createdAt: r.created_at,
        canUnlink: mayUnlink.has(r.task_id),
      }));
    },

    async link(ctx: RequestContext, taskId: string, input: LinkRecordBody) {
      const actor = assertCan(ctx.actor, "registers.link");
      const k = kindOf(input.kind);
      return db.transaction().execute(async (trx) => {
        await assertMayLink(trx, actor, taskId);
        const entry = (await k.summaries(trx, [input.recordId])).get(input.recordId);
        if (!entry) throw registerErrors.entryNotFound();
        if (input.checkInId) {
          const checkIn = await links.checkInTask(trx, input.checkInId);
          if (!checkIn || checkIn.task_id !== taskId) throw registerErrors.checkInOfOtherTask();
        }
        if (await links.findByEntry(trx, taskId, k.kind, input.recordId))
          throw registerErrors.alreadyLinked();
        const row = {
          id: newId(),
          task_id: taskId,
          record_kind: k.kind,
          record_id: input.recordId,
          check_in_id: input.checkInId ?? null,
          note: input.note ?? null,
          created_by: actor.userId,
          created_at: nowIso(),
        };
        await links.insert(trx, row);
        await audit.record(trx, ctx, {
          entityType: "task_record_link",
          entityId: row.id,
          action: "create",
          after: {
            taskId,
            kind: k.kind,
            recordId: input.recordId,
            title: entry.title,
            checkInId: row.check_in_id,
          },
        });
        return presentLink(ctx, row, entry, true);
      });
    },

    async unlink(ctx: RequestContext, taskId: string, linkId: string) {
      const actor = assertCan(ctx.actor, "registers.link");
      await db.transaction().execute(async (trx) => {
        const row = await links.find(trx, linkId);
        if (!row || row.task_id !== taskId) throw registerErrors.linkNotFound();
        await assertMayLink(trx, actor, taskId);
        await links.remove(trx, linkId);
        await audit.record(trx, ctx, {
          entityType: "task_record_link",
          entityId: linkId,
          action: "delete",
          before: { taskId, kind: row.record_kind, recordId: row.record_id, checkInId: row.check_in_id },
        });
      });
    },

    /**
     * What reports say of the registers for a period: each register's figures, and for each task the
     * lines naming its linked entries dated in the period (or undated). `figures: false` reads only the
     * latter (the annex export: its register sheets are the stored draft's).
     */
    async reportFigures(
      period: { from: string; to: string },
      taskIds: readonly string[],
      options: { figures?: boolean } = {},
    ): Promise<ReportRegisters> {
      const figures: RegisterFigures[] =
        options.figures === false
          ? []
          : await Promise.all([...kinds.values()].map((k) => k.figures(db, period)));
      const rows = await links.ofTasks(db, taskIds);
      const summaries = await summariesOf(rows);
      const byTask = new Map<string, ReportTaskEntry[]>();
      for (const r of rows) {
        const k = kinds.get(r.record_kind);
        const entry = summaries.get(r.record_kind)?.get(r.record_id);
        if (!k || !entry) continue;
        if (entry.date && (entry.date < period.from || entry.date > period.to)) continue;
        const line = { label: k.label.vi, title: entry.title, date: entry.date };
        const lines = byTask.get(r.task_id);
        if (lines) lines.push(line);
        else byTask.set(r.task_id, [line]);
      }
      return { figures: figures.filter((f) => f.sentences.length > 0 || f.sheet.rows.length > 0), byTask };
    },
  };
}

export type RegistersService = ReturnType<typeof createRegistersService>;
