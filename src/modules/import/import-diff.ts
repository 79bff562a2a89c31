/**
 * Field-by-field difference between the stored version of a programme and a draft of the same
 * document: document fields, and tasks added / removed / changed (matched by their ref).
 */
import type { ParsedProgramme, ParsedTask } from "./parsed-programme.schema.js";

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ProgrammeDiff {
  document: FieldChange[];
  tasks: {
    added: string[];
    removed: string[];
    changed: { ref: string; changes: FieldChange[] }[];
    unchanged: number;
  };
  hasChanges: boolean;
}

/** What the diff compares: the document and, per task, its comparable fields. */
export interface ProgrammeSnapshot {
  document: Record<string, unknown>;
  tasks: { ref: string; fields: Record<string, unknown> }[];
}

const partyList = (parties: ParsedTask["directing"]) =>
  parties.map((p) => (p.qualifier ? `${p.name} (${p.qualifier})` : p.name));

/** The comparable fields of a task. */
export function taskFields(task: ParsedTask): Record<string, unknown> {
  return {
    section: task.section,
    text: task.text,
    directing: partyList(task.directing),
    leads: partyList(task.leads),
    coordinators: partyList(task.coordinators),
    timeframeText: task.timeframe.text,
    timeframeKind: task.timeframe.kind,
    start: task.timeframe.start ?? null,
    end: task.timeframe.end ?? null,
    milestones: (task.timeframe.milestones ?? []).map((m) => m.due),
    plan: task.timeframe.plan ?? null,
    products: task.products ?? [],
    footnotes: (task.footnotes ?? []).map((f) => f.text),
  };
}

/** The comparable snapshot of a parsed (draft) programme. */
export function snapshotOfParsed(parsed: ParsedProgramme): ProgrammeSnapshot {
  const d = parsed.document;
  return {
    document: {
      system: d.system,
      type: d.type,
      typeCode: d.typeCode ?? null,
      number: d.number,
      issuer: d.issuer ?? null,
      parentIssuer: d.parentIssuer ?? null,
      place: d.place ?? null,
      date: d.date,
      title: d.title,
      periodStart: d.period?.start ?? null,
      periodEnd: d.period?.end ?? null,
    },
    tasks: parsed.tasks.map((t) => ({ ref: t.ref, fields: taskFields(t) })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((f) => !same(before[f], after[f]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

export function diffProgrammes(before: ProgrammeSnapshot, after: ProgrammeSnapshot): ProgrammeDiff {
  const beforeTasks = new Map(before.tasks.map((t) => [t.ref, t.fields]));
  const afterTasks = new Map(after.tasks.map((t) => [t.ref, t.fields]));
  const changed: ProgrammeDiff["tasks"]["changed"] = [];
  let unchanged = 0;
  for (const [ref, fields] of afterTasks) {
    const old = beforeTasks.get(ref);
    if (!old) continue;
    const changes = changesOf(old, fields);
    if (changes.length) changed.push({ ref, changes });
    else unchanged++;
  }
  const document = changesOf(before.document, after.document);
  const added = [...afterTasks.keys()].filter((ref) => !beforeTasks.has(ref));
  const removed = [...beforeTasks.keys()].filter((ref) => !afterTasks.has(ref));
  return {
    document,
    tasks: { added, removed, changed, unchanged },
    hasChanges: document.length + added.length + removed.length + changed.length > 0,
  };
}
