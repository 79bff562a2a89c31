/** The programmes API: programmes, their tasks, the "who does what" matrix, the timeline and citations. */
import { api, type Query } from "../../api/client";
import type { Page } from "../../api/types";
import type { Footnote, PartyKind, PartyRole, Timeframe, TimeframeKind } from "../imports/parsed-programme";

export interface Programme {
  id: string;
  system: "party" | "state" | null;
  type: string | null;
  typeCode: string | null;
  number: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  period: { start: string; end: string } | null;
  version: number;
  supersedesId: string | null;
  status: "active" | "superseded";
  createdAt: string;
  taskCount?: number;
}

export interface ProgrammeSection {
  ref: string;
  heading: string;
  kind: string | null;
}

export interface ProgrammeVersion {
  id: string;
  version: number;
  status: string;
  createdAt?: string;
}

/** A programme with its sections and task counts (GET /api/programmes/:id). */
export interface ProgrammeDetail extends Programme {
  sections: ProgrammeSection[];
  counts?: { bySection?: Record<string, number>; byTimeframeKind?: Record<string, number>; tasks?: number };
  versions?: ProgrammeVersion[];
  /** The date this version applies from (null: from the start). */
  effectiveFrom?: string | null;
  /** Tasks earlier versions had and this one dropped; their follow-up stays with them. */
  removedTasks?: { id: string; ref: string; text: string; removedOn: string | null; version: number }[];
}

export interface TaskParty {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  qualifier: string | null;
  personId: string | null;
  personName: string | null;
  unitId: string | null;
  unitName: string | null;
}

export interface TaskCitation {
  id: string;
  kind: string;
  number: string | null;
  date?: string | null;
  issuer?: string | null;
  text?: string;
}

export interface Task {
  id: string;
  programmeId: string;
  ref: string;
  section: string;
  kind: "general" | "specific";
  text: string;
  footnotes: Footnote[];
  products: string[];
  directing: TaskParty[];
  leads: TaskParty[];
  coordinators: TaskParty[];
  timeframe: Timeframe;
  dueDate: string | null;
  source: { lineStart: number | null; lineEnd: number | null };
}

/** GET /api/tasks/:id: the task with its programme and the documents it cites. */
export interface TaskDetail extends Task {
  programme: Pick<Programme, "id" | "number" | "title" | "version">;
  citations: TaskCitation[];
}

export interface MatrixRow {
  key: string;
  name: string;
  kind: PartyKind;
  qualifier: string | null;
  personId: string | null;
  unitId: string | null;
  /** Task ref → role. */
  cells: Record<string, PartyRole>;
  counts: Record<PartyRole, number>;
}

export interface Matrix {
  columns: { taskId: string; ref: string; sectionRef: string }[];
  rows: MatrixRow[];
}

export interface TimelineTask {
  id: string;
  ref: string;
  timeframeKind: TimeframeKind;
  timeframeText: string | null;
  start: string | null;
  end: string | null;
  milestones: string[];
}

export type TimelineLane = "ongoing" | "as_directed" | "per_plan" | "unspecified" | "outside";

export interface Timeline {
  year: number;
  quarters: { quarter: number; start: string; end: string; tasks: TimelineTask[] }[];
  lanes: Record<TimelineLane, TimelineTask[]>;
}

export interface Citation {
  id: string;
  kind: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  programmes: { id: string; number: string | null; title: string | null; version: number; status: string }[];
  tasks: { id: string; ref: string | null; programmeId: string; text: string }[];
}

export interface TaskFilters extends Query {
  section: string | undefined;
  directing: string | undefined;
  party: string | undefined;
  role: PartyRole | undefined;
  timeframeKind: TimeframeKind | undefined;
  q: string;
}

export const programmesApi = {
  get: (id: string, signal?: AbortSignal) =>
    api.get<ProgrammeDetail>(`/api/programmes/${id}`, undefined, signal),
  tasks: (id: string, query: Query, signal?: AbortSignal) =>
    api.get<Page<Task>>(`/api/programmes/${id}/tasks`, query, signal),
  task: (id: string, signal?: AbortSignal) => api.get<TaskDetail>(`/api/tasks/${id}`, undefined, signal),
  matrix: (id: string, signal?: AbortSignal) =>
    api.get<Matrix>(`/api/programmes/${id}/matrix`, undefined, signal),
  timeline: (id: string, signal?: AbortSignal) =>
    api.get<Timeline>(`/api/programmes/${id}/timeline`, undefined, signal),
};

/** Every party of a task, directing first. */
export const partiesOfTask = (task: Pick<Task, "directing" | "leads" | "coordinators">): TaskParty[] => [
  ...task.directing,
  ...task.leads,
  ...task.coordinators,
];

/** A programme's display name: "Chương trình 02-CTr/BCĐ". */
export const programmeLabel = (p: Partial<Pick<Programme, "type" | "number" | "title">>) =>
  [p.type, p.number].filter(Boolean).join(" ") || p.title || "—";

/**
 * The source document's lines when it is plain text (pasted text, .txt, .md): the import's line numbers
 * refer to them. Word and PDF originals are downloads only (null).
 */
export async function fetchSourceLines(programmeId: string, signal?: AbortSignal): Promise<string[] | null> {
  const response = await fetch(`/api/programmes/${programmeId}/source`, {
    credentials: "same-origin",
    signal,
  });
  if (!response.ok || !(response.headers.get("content-type") ?? "").startsWith("text/")) return null;
  return (await response.text()).replace(/^\uFEFF/, "").split(/\r?\n/);
}
