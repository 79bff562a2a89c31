/**
 * A draft that is a new version of a stored programme (decision 0004): which version it follows,
 * how its tasks match the previous version's (the reviewer's choices over the automatic matching),
 * the date it applies from, and what will happen to the follow-up — for the review screen and the commit.
 */
import type { DbOrTrx } from "../../platform/db/database.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { programmeIdentityKey } from "../programmes/programme-identity.js";
import type { ProgrammeVersionsRepository } from "../programmes/programme-versions.repository.js";
import type { ProgrammesRepository } from "../programmes/programmes.repository.js";
import type { ProgrammeTable } from "../programmes/programmes.tables.js";
import type { PreviousVersion } from "./import-commit.js";
import { taskFields } from "./import-diff.js";
import { draftErrors } from "./import-draft.errors.js";
import type { ParsedProgramme } from "./parsed-programme.schema.js";
import { taskFromRows } from "./stored-snapshot.js";
import { matchTasks, type VersionMatching } from "./task-matching.js";

/** What the reviewer decided for a new version (stored with the draft). */
export interface VersionChoices {
  /** The date the new version applies from; null or absent: the default. */
  effectiveFrom?: string | null | undefined;
  /** New task ref → previous task id (null: a new task). Refs absent: automatic matching. */
  matches?: Record<string, string | null> | undefined;
}

/** Follow-up rows of a set of tasks, by kind. */
export interface FollowUpCounts {
  checkIns: number;
  directions: number;
  dueDates: number;
  cases: number;
}

export interface VersionPlan extends VersionMatching {
  previousProgrammeId: string;
  previousVersion: number;
  previousNumber: string | null;
  previousDate: string | null;
  effectiveFrom: string;
  /** The earliest date allowed: the previous version's own effective date (or its date of issue). */
  earliestEffectiveFrom: string | null;
  /** The previous version's tasks, for the reviewer's choice of match. */
  previousTasks: { id: string; ref: string; text: string }[];
  /** Follow-up carried forward with matched tasks, and kept on removed tasks. */
  carriedFollowUp: FollowUpCounts;
  removedFollowUp: FollowUpCounts;
}

export interface VersionDeps {
  programmes: ProgrammesRepository;
  versions: ProgrammeVersionsRepository;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The active version a draft follows: the same document (issuer, number, date), else an amended copy
 * of it — same issuer and number, re-dated within the same year.
 */
export async function findPreviousVersion(
  trx: DbOrTrx,
  deps: VersionDeps,
  document: ParsedProgramme["document"],
): Promise<ProgrammeTable | undefined> {
  const identity = programmeIdentityKey(document);
  if (!identity) return undefined;
  const same = await deps.programmes.findActiveByIdentity(trx, identity);
  if (same) return same;
  const date = document.date ?? "";
  if (!ISO_DATE.test(date)) return undefined;
  const prefix = identity.slice(0, identity.lastIndexOf("|"));
  return deps.versions.findActiveSameNumber(trx, prefix, date.slice(0, 4));
}

function defaultEffectiveFrom(parsed: ParsedProgramme, earliest: string | null): string {
  const date =
    parsed.document.date && ISO_DATE.test(parsed.document.date) ? parsed.document.date : todayInHoChiMinh();
  return earliest && date < earliest ? earliest : date;
}

const zero = (): FollowUpCounts => ({ checkIns: 0, directions: 0, dueDates: 0, cases: 0 });

function add(into: FollowUpCounts, more: FollowUpCounts | undefined) {
  if (!more) return;
  into.checkIns += more.checkIns;
  into.directions += more.directions;
  into.dueDates += more.dueDates;
  into.cases += more.cases;
}

/** The plan of a new version: matches, summary, date and follow-up, as the review screen shows it. */
export async function versionPlanOf(
  trx: DbOrTrx,
  deps: VersionDeps,
  input: { previous: ProgrammeTable; parsed: ParsedProgramme; choices: VersionChoices },
): Promise<VersionPlan> {
  const { previous, parsed, choices } = input;
  const tasks = await deps.programmes.allTasks(trx, previous.id);
  const parties = await deps.programmes.partiesOf(
    trx,
    tasks.map((t) => t.id),
  );
  const previousTasks = tasks.map((t) => ({
    id: t.id,
    ref: t.ref,
    text: t.text,
    fields: taskFields(
      taskFromRows(
        t,
        parties.filter((p) => p.task_id === t.id),
      ),
    ),
  }));
  const next = parsed.tasks.map((t) => ({ ref: t.ref, text: t.text, fields: taskFields(t) }));
  const matching = matchTasks(previousTasks, next, choices.matches ?? {});
  const counts = await deps.versions.followUpCounts(trx, previous.id);
  const carriedFollowUp = zero();
  for (const m of matching.matches) if (m.previousId) add(carriedFollowUp, counts.get(m.previousId));
  const removedFollowUp = zero();
  for (const r of matching.removed) add(removedFollowUp, counts.get(r.id));
  const earliest = previous.effective_from ?? previous.issued_on;
  return {
    ...matching,
    previousProgrammeId: previous.id,
    previousVersion: previous.version,
    previousNumber: previous.number,
    previousDate: previous.issued_on,
    effectiveFrom: choices.effectiveFrom ?? defaultEffectiveFrom(parsed, earliest),
    earliestEffectiveFrom: earliest,
    previousTasks: tasks.map((t) => ({ id: t.id, ref: t.ref, text: t.text })),
    carriedFollowUp,
    removedFollowUp,
  };
}

/** Refuses a date the new version cannot apply from: before the version it replaces applies. */
export function assertEffectiveFrom(plan: VersionPlan): void {
  if (plan.earliestEffectiveFrom && plan.effectiveFrom < plan.earliestEffectiveFrom) {
    throw draftErrors.effectiveTooEarly({
      vi: `Ngày áp dụng ${plan.effectiveFrom} trước ngày áp dụng của phiên bản trước (${plan.earliestEffectiveFrom})`,
      en: `The new version cannot apply from ${plan.effectiveFrom}, before the previous version (${plan.earliestEffectiveFrom})`,
      meta: { effectiveFrom: plan.effectiveFrom, earliest: plan.earliestEffectiveFrom },
    });
  }
}

/** The commit's view of a plan: the version superseded, the carried tasks and the date. */
export function previousVersionOf(previous: ProgrammeTable, plan: VersionPlan): PreviousVersion {
  const matches = new Map<string, string>();
  for (const m of plan.matches) if (m.previousId) matches.set(m.ref, m.previousId);
  return { programme: previous, matches, effectiveFrom: plan.effectiveFrom };
}
