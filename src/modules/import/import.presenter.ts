/** Import drafts and commit results → API shapes. */

import type { z } from "zod";
import type { DraftDto, DraftSummarySchema } from "./import.schemas.js";
import type { DraftView, ImportService } from "./import.service.js";

export function presentDraft(v: DraftView): DraftDto {
  const { draft } = v;
  return {
    id: draft.id,
    status: draft.status,
    filename: draft.filename,
    sourceType: draft.source_type,
    fileId: draft.file_id,
    parsed: v.parsed,
    extractedText: draft.extracted_text.split(/\r?\n/),
    warnings: v.warnings,
    reconciliation: v.reconciliation.map((e) => ({ ...e, decision: v.decisions[e.key] ?? null })),
    existingProgrammeId: draft.existing_programme_id,
    committedProgrammeId: draft.committed_programme_id,
    diff: v.diff,
    version: v.version,
    createdAt: draft.created_at,
    updatedAt: draft.updated_at,
  };
}

type CommitResult = Awaited<ReturnType<ImportService["commit"]>>;

export function presentCommit(r: CommitResult) {
  return {
    programmeId: r.programme.id,
    version: r.programme.version,
    supersededId: r.supersededId,
    counts: r.counts,
    created: r.created,
    keptAsText: r.keptAsText.map((e) => e.name),
    carried: r.carried,
  };
}

type DraftSummaryRow = Awaited<ReturnType<ImportService["list"]>>["rows"][number];

export function presentDraftSummary(r: DraftSummaryRow): z.infer<typeof DraftSummarySchema> {
  return {
    id: r.id,
    status: r.status,
    filename: r.filename,
    sourceType: r.source_type,
    documentNumber: r.documentNumber,
    documentTitle: r.documentTitle,
    taskCount: r.taskCount,
    warningCount: r.warningCount,
    existingProgrammeId: r.existing_programme_id,
    committedProgrammeId: r.committed_programme_id,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
