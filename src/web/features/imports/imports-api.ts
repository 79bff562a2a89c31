/** The import workflow's API: upload or paste → draft → review (PATCH) → commit or discard. */
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import type { ParsedProgramme, ParseWarning, PartyKind, PartyRole } from "./parsed-programme";

export type ReconciliationStatus = "exact" | "near_match" | "new" | "ambiguous" | "group";

export interface Candidate {
  id: string;
  name: string;
  /** Edit distance between folded names (0 for an exact match). */
  distance: number;
}

/** One distinct name of the programme, matched against the directory. */
export interface ReconciliationEntry {
  /** `person:do manh hieu`. */
  key: string;
  name: string;
  kind: PartyKind;
  status: ReconciliationStatus;
  candidates: Candidate[];
  occurrences: { taskRef: string; role: PartyRole }[];
  /** The decision in force: the reviewer's, or the default (exact → link, new → create, doubtful → keep text). */
  decision: Decision | null;
}

export type Decision = { action: "link"; id: string } | { action: "create" } | { action: "keep_text" };
export type Decisions = Record<string, Decision>;

/** One field that differs from the version already stored. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Field-by-field difference from the active version of the same document. */
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

/** Follow-up rows of a set of tasks. */
export interface FollowUpCounts {
  checkIns: number;
  directions: number;
  dueDates: number;
  cases: number;
}

/** One task of the new version and the previous task whose follow-up it carries (null: a new task). */
export interface TaskMatch {
  ref: string;
  previousId: string | null;
  previousRef: string | null;
  kind: "kept" | "changed" | "new";
  reason: "same_ref" | "similar_text" | "reviewer" | null;
  similarity: number | null;
  changedFields: string[];
}

/** How a new version carries the previous version's follow-up. */
export interface VersionPlan {
  previousProgrammeId: string;
  previousVersion: number;
  previousNumber: string | null;
  previousDate: string | null;
  effectiveFrom: string;
  earliestEffectiveFrom: string | null;
  matches: TaskMatch[];
  removed: { id: string; ref: string; text: string }[];
  summary: { kept: number; changed: number; new: number; removed: number };
  previousTasks: { id: string; ref: string; text: string }[];
  carriedFollowUp: FollowUpCounts;
  removedFollowUp: FollowUpCounts;
}

/** The reviewer's choices for a new version: the date it applies from, and task matches by new ref. */
export interface VersionChoices {
  effectiveFrom?: string | null;
  matches?: Record<string, string | null>;
}

export interface ImportDraft {
  id: string;
  status: "draft" | "committed" | "discarded";
  filename: string;
  sourceType: string;
  parsed: ParsedProgramme;
  /** The extracted text, one entry per line (line n is `extractedText[n - 1]`). */
  extractedText: string[];
  /** The parser's warnings plus the import's own (near-match names, re-import). */
  warnings: ParseWarning[];
  reconciliation: ReconciliationEntry[];
  existingProgrammeId: string | null;
  committedProgrammeId: string | null;
  diff: ProgrammeDiff | null;
  /** Set when the draft is a new version of a stored programme. */
  version: VersionPlan | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommitResult {
  programmeId: string;
  version: number;
  supersededId: string | null;
  counts: { sections: number; tasks: number; parties: number; linkedParties: number; citations: number };
  created: { people: number; units: number };
  keptAsText: string[];
  carried: { tasks: number; followUpRows: number; removed: number };
}

export type ImportInput = { filename: string; contentBase64: string } | { text: string };

/** One line of the list of drafts waiting for review. */
export interface DraftSummary {
  id: string;
  status: ImportDraft["status"];
  filename: string;
  documentNumber: string | null;
  documentTitle: string | null;
  taskCount: number;
  warningCount: number;
  existingProgrammeId: string | null;
  createdByName: string | null;
  createdAt: string;
}

export const importsApi = {
  create: (input: ImportInput) => api.post<ImportDraft>("/api/imports", input),
  drafts: (signal?: AbortSignal) => api.get<Page<DraftSummary>>("/api/imports", { pageSize: 50 }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<ImportDraft>(`/api/imports/${id}`, undefined, signal),
  save: (id: string, body: { parsed: ParsedProgramme; decisions: Decisions; version?: VersionChoices }) =>
    api.patch<ImportDraft>(`/api/imports/${id}`, body),
  commit: (id: string) => api.post<CommitResult>(`/api/imports/${id}/commit`),
  discard: (id: string) => api.delete(`/api/imports/${id}`),
};

/** Reads a browser File as base64 (without the `data:` prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const result = String(reader.result ?? "");
      resolve(result.slice(result.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}

export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".docx", ".pdf"];

/** Server messages sometimes carry both languages as "tiếng Việt / English": keep the reader's half. */
export function localMessage(message: string, language: string): string {
  const parts = message.split(" / ");
  if (parts.length !== 2) return message;
  return (language === "en" ? parts[1] : parts[0]) ?? message;
}

/** Entries the reviewer must decide: a near match or several equal matches. Never decided silently. */
export const isDoubtful = (entry: Pick<ReconciliationEntry, "status">) =>
  entry.status === "near_match" || entry.status === "ambiguous";
