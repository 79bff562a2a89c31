/** The programmes API: programmes, their tasks, the "who does what" matrix, the timeline and citations. */
import type { z } from "zod";
import type { Page } from "../../../shared/api/pagination";
import type {
  CitationEntrySchema,
  MatrixSchema,
  ProgrammeDetailSchema,
  ProgrammeSchema,
  TaskDetailSchema,
  TaskPartySchema,
  TaskSchema,
  TimelineSchema,
  TimelineTaskSchema,
} from "../../../shared/api/programmes";
import { api, type Query } from "../../api/client";
import type { PartyRole, TimeframeKind } from "../imports/parsed-programme";

/** The shapes come from the server's own schemas (src/shared/api/programmes.ts). */
export type Programme = z.infer<typeof ProgrammeSchema>;
/** A programme with its sections and task counts (GET /api/programmes/:id). */
export type ProgrammeDetail = z.infer<typeof ProgrammeDetailSchema>;
export type ProgrammeSection = ProgrammeDetail["sections"][number];
export type ProgrammeVersion = ProgrammeDetail["versions"][number];
export type TaskParty = z.infer<typeof TaskPartySchema>;
export type Task = z.infer<typeof TaskSchema>;
/** GET /api/tasks/:id: the task with its programme and the documents it cites. */
export type TaskDetail = z.infer<typeof TaskDetailSchema>;
export type TaskCitation = TaskDetail["citations"][number];
export type Matrix = z.infer<typeof MatrixSchema>;
export type MatrixRow = Matrix["rows"][number];
export type Timeline = z.infer<typeof TimelineSchema>;
export type TimelineTask = z.infer<typeof TimelineTaskSchema>;
export type TimelineLane = keyof Timeline["lanes"];
export type Citation = z.infer<typeof CitationEntrySchema>;

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
