/**
 * Prometheus metrics of one process (prom-client). One registry per platform, not prom-client's
 * global one, so several platforms in one process (tests) never collide. Recording is cheap and
 * always on; the registry is only served when `HAIDANG_METRICS_TOKEN` is set
 * (`platform/http/metrics.routes.ts`), and process/database collectors start only then
 * (`metrics.collectors.ts`).
 *
 * Modules record through the small ports below and never import prom-client themselves.
 *
 * @example
 * const started = performance.now();
 * const pages = await recognise(file);
 * metrics.ocr.record({ outcome: "ok", pages, seconds: (performance.now() - started) / 1000 });
 */
import { Counter, Histogram, Registry } from "prom-client";

/** Seconds buckets for HTTP requests: most answers take milliseconds, exports a few seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds buckets for background work (jobs, OCR of a document): seconds to minutes. */
const WORK_BUCKETS = [0.05, 0.25, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

/** Route label of requests that matched no route: raw URLs would make one series per address. */
export const UNMATCHED_ROUTE = "unmatched";

/** One request answered: `route` is the route's pattern (`/api/tasks/:id`), never the raw URL. */
export interface HttpObservation {
  method: string;
  route: string;
  statusCode: number;
  seconds: number;
}

/** One job run by the job runner. */
export interface JobObservation {
  name: string;
  outcome: "done" | "failed";
  seconds: number;
}

/** One document (or image) put through OCR. */
export interface OcrObservation {
  outcome: "ok" | "failed";
  /** Pages recognised (0 when it failed before the first page). */
  pages: number;
  /** Wall time of the whole document. */
  seconds: number;
}

export interface Metrics {
  /** The registry served at `/metrics`. */
  registry: Registry;
  http: { observe(o: HttpObservation): void };
  jobs: { observe(o: JobObservation): void };
  /**
   * Monitoring ingestion throughput: items stored. Polls per source are counted as jobs
   * (`haidang_job_duration_seconds_count{name="monitoring.poll"}`).
   */
  ingestion: { itemStored(): void };
  /** OCR throughput (scanned documents). */
  ocr: { record(o: OcrObservation): void };
}

/** Creates the registry and the metrics every module records into. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "haidang" });

  const httpDuration = new Histogram({
    name: "haidang_http_request_duration_seconds",
    help: "HTTP request duration by route pattern, method and status code",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "haidang_job_duration_seconds",
    help: "Background job run time by job name and outcome",
    labelNames: ["name", "outcome"] as const,
    buckets: WORK_BUCKETS,
    registers: [registry],
  });
  const stored = new Counter({
    name: "haidang_ingest_items_stored_total",
    help: "New monitoring items stored",
    registers: [registry],
  });
  const ocrDocuments = new Counter({
    name: "haidang_ocr_documents_total",
    help: "Documents put through OCR by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const ocrPages = new Counter({
    name: "haidang_ocr_pages_total",
    help: "Pages recognised by OCR",
    registers: [registry],
  });
  const ocrDuration = new Histogram({
    name: "haidang_ocr_document_duration_seconds",
    help: "OCR wall time per document by outcome",
    labelNames: ["outcome"] as const,
    buckets: WORK_BUCKETS,
    registers: [registry],
  });

  return {
    registry,
    http: {
      observe(o) {
        httpDuration.observe(
          { method: o.method, route: o.route, status_code: String(o.statusCode) },
          o.seconds,
        );
      },
    },
    jobs: {
      observe(o) {
        jobDuration.observe({ name: o.name, outcome: o.outcome }, o.seconds);
      },
    },
    ingestion: {
      itemStored() {
        stored.inc();
      },
    },
    ocr: {
      record(o) {
        ocrDocuments.inc({ outcome: o.outcome });
        if (o.pages > 0) ocrPages.inc(o.pages);
        ocrDuration.observe({ outcome: o.outcome }, o.seconds);
      },
    },
  };
}
