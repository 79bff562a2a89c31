/**
 * Scanned programmes: the scan is kept, an OCR run is recorded and a durable job (`import.ocr`) reads it
 * page by page in child processes, recording pages done of total; the reviewer can cancel it. When the run
 * ends, its text is parsed like any other source and becomes an ordinary draft; the confidence of every
 * line stays with the run so the review screen can highlight doubtful lines.
 */
import type { Actor, RequestContext } from "../../platform/context.js";
import { systemContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { AppError, commonErrors } from "../../platform/errors.js";
import { safeFilename } from "../../platform/files/download.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { newId, nowIso } from "../../platform/ids.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import { sniff } from "./extract/extract.js";
import { DEFAULT_IMPORT_LIMITS } from "./extract/import.limits.js";
import { importErrors } from "./import.errors.js";
import { storeImportFile } from "./import.files.js";
import type { ImportService, UploadInput } from "./import.service.js";
import { draftErrors } from "./import-draft.errors.js";
import type { ImportOcrRepository } from "./import-ocr.repository.js";
import type { ImportOcrRunTable } from "./import-ocr.tables.js";
import { parseExtractedText } from "./parse-source.js";

export const OCR_JOB = "import.ocr";

export interface ImportOcrDeps {
  db: Db;
  files: FileStore;
  storedFiles: StoredFilesRepository;
  audit: AuditService;
  jobs: JobRunner;
  runs: ImportOcrRepository;
  imports: ImportService;
  uploadLimit: number;
  /** Most pages read by OCR (default 50: about 5–8 minutes on two cores). */
  maxPages?: number;
}

/** Thrown into the OCR when the reviewer cancels; never stored as a failure. */
class OcrCancelled extends Error {}

export function createImportOcrService(deps: ImportOcrDeps) {
  const { db, runs } = deps;
  const maxPages = deps.maxPages ?? 50;

  const storeFile = (trx: DbOrTrx, ctx: RequestContext, bytes: Uint8Array, filename: string) =>
    storeImportFile(deps, trx, ctx, bytes, filename);

  async function loadRun(trx: DbOrTrx, id: string) {
    const run = await runs.find(trx, id);
    if (!run) throw draftErrors.ocrRunNotFound();
    return run;
  }

  /** The run's uploader acts in the job, so the draft and the audit name them. */
  function jobContext(run: ImportOcrRunTable): RequestContext {
    const actor: Actor | null = run.created_by
      ? { userId: run.created_by, displayName: "OCR", roles: [], personId: null }
      : null;
    return { ...systemContext(`ocr:${run.id}`), actor };
  }

  async function finish(run: ImportOcrRunTable, patch: Partial<ImportOcrRunTable>) {
    await runs.updateUnlessCancelled(db, run.id, { ...patch, updated_at: nowIso() });
  }

  /** The job: OCR page by page, then parse and store the draft. Failures are recorded, not retried. */
  async function process(runId: string): Promise<{ status: string }> {
    const run = await runs.find(db, runId);
    if (!run || (run.status !== "queued" && run.status !== "running"))
      return { status: run?.status ?? "missing" };
    if (!(await runs.updateUnlessCancelled(db, run.id, { status: "running", updated_at: nowIso() }))) {
      return { status: "cancelled" };
    }
    const controller = new AbortController();
    // The cancel button writes the row; the job looks every second and stops the page in hand.
    const watch = setInterval(() => {
      void runs.status(db, run.id).then((status) => {
        if (status === "cancelled") controller.abort(new OcrCancelled("cancelled"));
      });
    }, 1000);
    try {
      const file = await deps.storedFiles.findById(db, run.file_id);
      if (!file) throw draftErrors.notFound();
      const bytes = await deps.files.read(file.storage_path);
      const { ocrPdf } = await import("./extract/ocr.extract.js");
      const result = await ocrPdf(bytes, run.pages_total, {
        maxPages,
        signal: controller.signal,
        onProgress: async (done) => {
          await runs.updateUnlessCancelled(db, run.id, { pages_done: done, updated_at: nowIso() });
        },
      });
      const source = await parseExtractedText({
        text: result.text,
        sourceType: "pdf-ocr",
        directory: await deps.imports.partyDirectory(),
      });
      if (controller.signal.aborted) return { status: "cancelled" };
      const view = await deps.imports.draftFromSource(
        jobContext(run),
        { bytes, filename: run.filename },
        source,
      );
      await finish(run, {
        status: "done",
        draft_id: view.draft.id,
        pages_done: result.pages,
        line_confidence_json: JSON.stringify(result.confidence.map((c) => (c ? [c.mean, c.min] : null))),
      });
      return { status: "done" };
    } catch (err) {
      if (controller.signal.aborted) return { status: "cancelled" };
      const code = err instanceof AppError ? err.code : importErrors.ocrFailed.code;
      await finish(run, { status: "failed", error_code: code });
      return { status: "failed" };
    } finally {
      clearInterval(watch);
    }
  }

  return {
    /** The job handler, registered by the composition root. */
    handler: {
      name: OCR_JOB,
      // 50 pages at ~10 s each, with room for a loaded machine; the runner takes the longest lease of its handlers.
      leaseMs: 15 * 60_000,
      handle: async ({ payload }: { payload: { runId: string } }) => process(payload.runId),
    },

    /** Keeps the scan, records the run and queues the OCR job. */
    async start(ctx: RequestContext, input: UploadInput) {
      assertCan(ctx.actor, "programme.import");
      if (input.bytes.byteLength > deps.uploadLimit) throw commonErrors.payloadTooLarge();
      if (input.bytes.byteLength === 0) throw importErrors.emptyFile();
      const filename = safeFilename(input.filename);
      if (sniff(input.bytes) !== "pdf" || !/\.pdf$/i.test(filename)) {
        throw importErrors.unsupportedType({ meta: { filename, expected: "pdf" } });
      }
      const { assertOcrAvailable } = await import("./extract/ocr.extract.js");
      await assertOcrAvailable();
      const pages = await countPages(input.bytes);
      if (pages > Math.min(maxPages, DEFAULT_IMPORT_LIMITS.maxPages)) {
        throw importErrors.tooManyPages({ meta: { pages, maxPages } });
      }
      const run = await db.transaction().execute(async (trx) => {
        const file = await storeFile(trx, ctx, input.bytes, filename);
        const now = nowIso();
        const row: ImportOcrRunTable = {
          id: newId(),
          file_id: file.id,
          filename,
          status: "queued",
          pages_done: 0,
          pages_total: pages,
          draft_id: null,
          error_code: null,
          line_confidence_json: null,
          created_by: ctx.actor?.userId ?? null,
          created_at: now,
          updated_at: now,
        };
        await runs.insert(trx, row);
        await deps.audit.record(trx, ctx, {
          entityType: "import_ocr_run",
          entityId: row.id,
          action: "create",
          after: { filename, pages, fileId: file.id },
        });
        return row;
      });
      // A run whose job fails to queue stays "queued" and can be cancelled; the job has one attempt.
      await deps.jobs.enqueue({
        name: OCR_JOB,
        payload: { runId: run.id },
        idempotencyKey: `ocr:${run.id}`,
        maxAttempts: 1,
      });
      return run;
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.import");
      return loadRun(db, id);
    },

    /** Stops a queued or running OCR; a finished run is left as it is. */
    async cancel(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.import");
      const before = await loadRun(db, id);
      const cancelled = await runs.cancel(db, id, nowIso());
      if (cancelled) {
        await deps.audit.record(db, ctx, {
          entityType: "import_ocr_run",
          entityId: id,
          action: "cancel",
          before: { status: before.status, pagesDone: before.pages_done },
          after: { status: "cancelled" },
        });
      }
      return loadRun(db, id);
    },

    /** Per-line OCR confidence of a draft made by OCR; null for any other draft. */
    async draftConfidence(ctx: RequestContext, draftId: string) {
      assertCan(ctx.actor, "programme.import");
      const run = await runs.findByDraft(db, draftId);
      if (!run?.line_confidence_json) return null;
      return JSON.parse(run.line_confidence_json) as Array<[number, number] | null>;
    },
  };
}

/** Page count of a PDF (pdf.js, in memory); an unreadable PDF is refused here, before anything is kept. */
async function countPages(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    await doc.destroy();
    return pages;
  } catch (err) {
    throw importErrors.unreadableFile({ cause: err, meta: { reason: "bad_pdf" } });
  }
}

export type ImportOcrService = ReturnType<typeof createImportOcrService>;
