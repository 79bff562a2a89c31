/** OCR runs → API shapes. */

import { errorCatalogue } from "../../platform/errors.js";
import { type DraftConfidenceDto, LOW_CONFIDENCE, type OcrRunDto } from "../../shared/api/import-ocr.js";
import type { ImportOcrRunTable } from "./import-ocr.tables.js";

export function presentOcrRun(run: ImportOcrRunTable): OcrRunDto {
  const def = run.error_code ? errorCatalogue.get(run.error_code) : undefined;
  return {
    id: run.id,
    status: run.status,
    filename: run.filename,
    pagesDone: run.pages_done,
    pagesTotal: run.pages_total,
    draftId: run.draft_id,
    error: run.error_code
      ? { code: run.error_code, vi: def?.vi ?? run.error_code, en: def?.en ?? run.error_code }
      : null,
    createdAt: run.created_at,
    updatedAt: run.updated_at,
  };
}

/** The doubtful lines of an OCR draft; `null` confidences (not OCR) give `isOcr: false`. */
export function presentDraftConfidence(lines: Array<[number, number] | null> | null): DraftConfidenceDto {
  const lowLines: DraftConfidenceDto["lowLines"] = [];
  (lines ?? []).forEach((c, i) => {
    if (c && (c[0] < LOW_CONFIDENCE.mean || c[1] < LOW_CONFIDENCE.min))
      lowLines.push({ line: i + 1, mean: c[0], min: c[1] });
  });
  return { isOcr: lines !== null, threshold: { ...LOW_CONFIDENCE }, lowLines };
}
