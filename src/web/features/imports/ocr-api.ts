/** OCR runs of scanned PDFs; the shapes come from the server's schemas (src/shared/api/import-ocr.ts). */
import type { DraftConfidenceDto, OcrRunDto } from "../../../shared/api/import-ocr";
import { api } from "../../api/client";

export type { DraftConfidenceDto, OcrRunDto };

export const ocrApi = {
  start: (input: { filename: string; contentBase64: string }) =>
    api.post<OcrRunDto>("/api/imports/ocr", input),
  get: (id: string, signal?: AbortSignal) => api.get<OcrRunDto>(`/api/imports/ocr/${id}`, undefined, signal),
  cancel: (id: string) => api.post<OcrRunDto>(`/api/imports/ocr/${id}/cancel`),
  confidence: (draftId: string, signal?: AbortSignal) =>
    api.get<DraftConfidenceDto>(`/api/imports/${draftId}/ocr-confidence`, undefined, signal),
};
