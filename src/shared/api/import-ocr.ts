/**
 * Request and response shapes of OCR runs (scanned programmes): one source for the server's validation and
 * the web client's types.
 */
import { z } from "zod";

export const OcrRunParams = z.object({ id: z.string().min(1).max(64) });

/** A scanned PDF sent for OCR: the file's bytes, base64-encoded. */
export const StartOcrBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(200_000_000),
});

/** An OCR run as the import page follows it. */
export const OcrRunSchema = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  filename: z.string(),
  /** Pages read so far, of `pagesTotal`. */
  pagesDone: z.number(),
  pagesTotal: z.number(),
  /** The draft to review, once done. */
  draftId: z.string().nullable(),
  /** Why it failed: stable code and messages. */
  error: z.object({ code: z.string(), vi: z.string(), en: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OcrRunDto = z.infer<typeof OcrRunSchema>;

/** Lines of an OCR draft whose words OCR was unsure of (1-based line numbers of the extracted text). */
export const DraftConfidenceSchema = z.object({
  isOcr: z.boolean(),
  /** A line is doubtful when its mean word confidence is below `mean` or one word is below `min`. */
  threshold: z.object({ mean: z.number(), min: z.number() }),
  lowLines: z.array(z.object({ line: z.number(), mean: z.number(), min: z.number() })),
});
export type DraftConfidenceDto = z.infer<typeof DraftConfidenceSchema>;

/** Where a line counts as doubtful: measured on the scan fixtures (see bench/RESULTS.md). */
export const LOW_CONFIDENCE = { mean: 85, min: 40 } as const;
