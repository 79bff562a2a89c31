/** The OCR run table (migration 0012). */

/** queued → running → done | failed | cancelled. */
export type OcrRunStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface ImportOcrRunTable {
  id: string;
  /** The scan, kept in the file store like every import source. */
  file_id: string;
  filename: string;
  status: OcrRunStatus;
  pages_done: number;
  pages_total: number;
  /** The draft the run produced, once done. */
  draft_id: string | null;
  /** Stable error code when failed (`import_ocr_unavailable`, `import_no_tasks`, …). */
  error_code: string | null;
  /** One entry per line of the draft's extracted text: [mean, min] confidence, or null. */
  line_confidence_json: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportOcrTables {
  import_ocr_runs: ImportOcrRunTable;
}
