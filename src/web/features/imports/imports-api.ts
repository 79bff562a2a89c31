/** The import workflow's API: upload or paste → draft → review (PATCH) → commit or discard. */
import type { z } from "zod";
import type {
  CommitResultSchema,
  CreateImportBody,
  DecisionSchema,
  DraftSchema,
  DraftSummarySchema,
  UpdateImportBody,
} from "../../../shared/api/imports";
import type { Page } from "../../../shared/api/pagination";
import { api } from "../../api/client";

/** A draft as the server presents it (`src/shared/api/imports.ts`). */
export type ImportDraft = z.infer<typeof DraftSchema>;
/** One distinct name of the programme, matched against the directory. */
export type ReconciliationEntry = ImportDraft["reconciliation"][number];
export type ReconciliationStatus = ReconciliationEntry["status"];
export type Candidate = ReconciliationEntry["candidates"][number];
export type Decision = z.infer<typeof DecisionSchema>;
export type Decisions = Record<string, Decision>;
/** Field-by-field difference from the active version of the same document. */
export type ProgrammeDiff = NonNullable<ImportDraft["diff"]>;
export type FieldChange = ProgrammeDiff["document"][number];
/** How a new version carries the previous version's follow-up. */
export type VersionPlan = NonNullable<ImportDraft["version"]>;
export type TaskMatch = VersionPlan["matches"][number];
export type FollowUpCounts = VersionPlan["carriedFollowUp"];
/** The reviewer's choices for a new version: the date it applies from, and task matches by new ref. */
export type VersionChoices = NonNullable<z.input<typeof UpdateImportBody>["version"]>;
export type CommitResult = z.infer<typeof CommitResultSchema>;
export type ImportInput = z.input<typeof CreateImportBody>;
/** One line of the list of drafts waiting for review. */
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const importsApi = {
  create: (input: ImportInput) => api.post<ImportDraft>("/api/imports", input),
  drafts: (signal?: AbortSignal) => api.get<Page<DraftSummary>>("/api/imports", { pageSize: 50 }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<ImportDraft>(`/api/imports/${id}`, undefined, signal),
  save: (id: string, body: z.input<typeof UpdateImportBody>) =>
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
