/**
 * Matches the tasks of a new version of a programme to the previous version's, so that follow-up
 * (check-ins, confirmations, evidence, due dates, directions, cases, reminders) carries forward:
 * first the same reference with similar text, then — for renumbered tasks — similar text under any
 * reference. The reviewer confirms or changes every match; `overrides` are their choices.
 */
import { foldVietnamese } from "../../shared/text/fold.js";

/** A task of the previous version, as the matcher and the review screen see it. */
export interface PreviousTask {
  id: string;
  ref: string;
  text: string;
  /** Comparable fields (see `taskFields`): a match with any difference is "changed". */
  fields: Record<string, unknown>;
}

/** A task of the new version. */
export interface NewTask {
  ref: string;
  text: string;
  fields: Record<string, unknown>;
}

export type MatchKind = "kept" | "changed" | "new";
export type MatchReason = "same_ref" | "similar_text" | "reviewer";

export interface TaskMatch {
  /** The new version's task reference. */
  ref: string;
  /** The previous version's task carried forward, or null for a new task. */
  previousId: string | null;
  previousRef: string | null;
  kind: MatchKind;
  /** Why it was matched: same reference, similar text elsewhere, or the reviewer's choice. */
  reason: MatchReason | null;
  /** Text similarity with the matched task, 0–1. */
  similarity: number | null;
  /** The fields that differ from the previous version ("leads", "text", "end"…). */
  changedFields: string[];
}

export interface VersionMatching {
  matches: TaskMatch[];
  /** Previous tasks no new task carries forward: removed from the new version's date. */
  removed: { id: string; ref: string; text: string }[];
  summary: { kept: number; changed: number; new: number; removed: number };
}

/** Same reference: texts at least this similar are the same task (edits, typo fixes). */
const SAME_REF_MIN = 0.5;
/** Another reference: texts must be this similar to be a renumbered task. */
const MOVED_MIN = 0.6;

function words(text: string): Set<string> {
  return new Set(
    foldVietnamese(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0),
  );
}

/** Dice coefficient of the two texts' word bigrams (words alone for very short texts), 0–1. */
export function textSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const list = [...words(text)];
    const out = new Set<string>();
    if (list.length < 3) for (const w of list) out.add(w);
    for (let i = 0; i + 1 < list.length; i++) out.add(`${list[i]} ${list[i + 1]}`);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((f) => !same(before[f], after[f]));
}

/**
 * The matching of `next` against `previous`. `overrides` maps a new ref to the previous task id the
 * reviewer chose (null: a new task); an override naming an unknown task is ignored.
 */
export function matchTasks(
  previous: readonly PreviousTask[],
  next: readonly NewTask[],
  overrides: Readonly<Record<string, string | null>> = {},
): VersionMatching {
  const byId = new Map(previous.map((p) => [p.id, p]));
  const taken = new Set<string>();
  const chosen = new Map<string, { prev: PreviousTask | null; reason: MatchReason }>();

  // The reviewer's choices first; a previous task can be carried forward by one new task only.
  for (const task of next) {
    if (!(task.ref in overrides)) continue;
    const id = overrides[task.ref];
    if (id === null) chosen.set(task.ref, { prev: null, reason: "reviewer" });
    else if (id !== undefined && byId.has(id) && !taken.has(id)) {
      chosen.set(task.ref, { prev: byId.get(id) as PreviousTask, reason: "reviewer" });
      taken.add(id);
    }
  }

  // Same reference, similar text.
  const byRef = new Map(previous.map((p) => [p.ref, p]));
  for (const task of next) {
    if (chosen.has(task.ref)) continue;
    const prev = byRef.get(task.ref);
    if (prev && !taken.has(prev.id) && textSimilarity(prev.text, task.text) >= SAME_REF_MIN) {
      chosen.set(task.ref, { prev, reason: "same_ref" });
      taken.add(prev.id);
    }
  }

  // Renumbered: the most similar pairs first, across references.
  const pairs: { ref: string; prev: PreviousTask; score: number }[] = [];
  for (const task of next) {
    if (chosen.has(task.ref)) continue;
    for (const prev of previous) {
      if (taken.has(prev.id)) continue;
      const score = textSimilarity(prev.text, task.text);
      if (score >= MOVED_MIN) pairs.push({ ref: task.ref, prev, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  for (const pair of pairs) {
    if (chosen.has(pair.ref) || taken.has(pair.prev.id)) continue;
    chosen.set(pair.ref, { prev: pair.prev, reason: "similar_text" });
    taken.add(pair.prev.id);
  }

  const matches: TaskMatch[] = next.map((task) => {
    const choice = chosen.get(task.ref);
    const prev = choice?.prev ?? null;
    if (!prev)
      return {
        ref: task.ref,
        previousId: null,
        previousRef: null,
        kind: "new",
        reason: choice?.reason ?? null,
        similarity: null,
        changedFields: [],
      };
    const diff = changedFields(prev.fields, task.fields);
    if (prev.ref !== task.ref && !diff.includes("ref")) diff.unshift("ref");
    return {
      ref: task.ref,
      previousId: prev.id,
      previousRef: prev.ref,
      kind: diff.length > 0 ? "changed" : "kept",
      reason: choice?.reason ?? null,
      similarity: Math.round(textSimilarity(prev.text, task.text) * 100) / 100,
      changedFields: diff,
    };
  });
  const removed = previous.filter((p) => !taken.has(p.id)).map(({ id, ref, text }) => ({ id, ref, text }));
  const count = (kind: MatchKind) => matches.filter((m) => m.kind === kind).length;
  return {
    matches,
    removed,
    summary: { kept: count("kept"), changed: count("changed"), new: count("new"), removed: removed.length },
  };
}
