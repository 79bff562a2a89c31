/**
 * Composition of media monitoring: repositories, fetcher, analysis config, ingestion pipeline and jobs,
 * search, alerts, cases, statistics. `main.ts` calls `createMonitoring` once and `registerMonitoringRoutes`.
 */
import type { Db, DialectName } from "../../platform/db/database.js";
import type { JobRunner } from "../../platform/jobs/job-runner.js";
import type { AuditService } from "../audit/audit.service.js";
import { createMailer } from "../notifications/mailer.js";
import { createAlertsService } from "./alerts/alerts.service.js";
import { createCasesRepository } from "./cases/cases.repository.js";
import { createCasesService } from "./cases/cases.service.js";
import { createFetcher, type Fetcher } from "./fetch/fetch.client.js";
import { createAnalysisConfigProvider } from "./ingest/analysis-config.js";
import { createDraftPool, type DraftPool } from "./ingest/draft-pool.js";
import { registerIngestJobs } from "./ingest/ingest.jobs.js";
import { createIngestPipeline } from "./ingest/ingest.pipeline.js";
import { createItemsService } from "./monitoring-items.service.js";
import { createSourcesService } from "./monitoring-sources.service.js";
import { createSavedSearchesRepository } from "./search/saved-searches.repository.js";
import { createSearchService } from "./search/search.service.js";
import { createSearchIndex } from "./search/search-index.js";
import { createReportFigures } from "./stats/report-figures.js";
import { createStatsRepository } from "./stats/stats.repository.js";
import { createStatsService } from "./stats/stats.service.js";
import { createDictionariesRepository } from "./storage/dictionaries.repository.js";
import { createItemsRepository } from "./storage/items.repository.js";
import { createSourcesRepository } from "./storage/sources.repository.js";

export interface MonitoringOptions {
  db: Db;
  dialect: DialectName;
  jobs: JobRunner;
  audit: AuditService;
  /** `HAIDANG_FETCH_ALLOW_PRIVATE`: tests only. */
  fetchAllowPrivate: boolean;
  /** Origins of the city's own portal, fetched even at a private address (`ownPortalOrigins`). */
  fetchTrustedOrigins?: readonly string[];
  smtp?: { url: string | undefined; from: string };
  /** Overrides (benches, tests). */
  fetcher?: Fetcher;
  onStored?: (count: number) => void;
  /**
   * Worker threads for extraction and analysis (`HAIDANG_MONITOR_WORKERS`), started with the first
   * poll; 0 or absent keeps it all on the main thread. `close()` stops them.
   */
  workers?: number;
  /** A pool made by the caller instead (benches); the caller closes it. */
  draftPool?: DraftPool;
}

export function createMonitoring(options: MonitoringOptions) {
  const { db, jobs, audit } = options;
  const ownPool =
    !options.draftPool && options.workers ? createDraftPool({ size: options.workers }) : undefined;
  const draftPool = options.draftPool ?? ownPool;
  const sources = createSourcesRepository();
  const items = createItemsRepository();
  const dictionaries = createDictionariesRepository();
  const saved = createSavedSearchesRepository();
  const search = createSearchIndex(options.dialect);
  const fetcher =
    options.fetcher ??
    createFetcher({
      allowPrivate: options.fetchAllowPrivate,
      trustedOrigins: options.fetchTrustedOrigins ?? [],
    });
  const analysis = createAnalysisConfigProvider({ dictionaries });
  const pipeline = createIngestPipeline({
    db,
    sources,
    items,
    search,
    fetcher,
    analysis,
    ...(options.onStored && { onStored: options.onStored }),
    ...(draftPool && { draftPool }),
  });
  const mailer = createMailer({ url: options.smtp?.url, from: options.smtp?.from ?? "" });
  const alerts = createAlertsService({
    db,
    jobs,
    search,
    saved,
    allowPrivate: options.fetchAllowPrivate,
    ...(mailer.isEnabled && {
      sendMail: (to: string, subject: string, text: string) => mailer.send({ to, subject, text }),
    }),
  });
  const ingestJobs = registerIngestJobs({
    db,
    jobs,
    sources,
    pipeline,
    afterSchedule: async (at) => {
      await alerts.checkAll(at);
    },
  });
  const itemsService = createItemsService({ db, items, sources, search, dictionaries, analysis, audit });
  return {
    pipeline,
    enqueueDuePolls: ingestJobs.enqueueDue,
    alerts,
    search,
    sources: createSourcesService({ db, items, sources, search, audit, pipeline, fetcher, analysis }),
    items: itemsService,
    searches: createSearchService({
      db,
      search,
      saved,
      summaries: itemsService.summaries,
      texts: (ids) => items.textsOf(db, ids),
    }),
    cases: createCasesService({ db, cases: createCasesRepository(), items, audit }),
    stats: createStatsService({ db, stats: createStatsRepository() }),
    /** Figures for the semi-annual and annual reports (read-only; the reports module checks permissions). */
    reportFigures: createReportFigures({ db }),
    repositories: { sources, items },
    /** Trusts the portal's local listener once its address is known (`serve` with PORTAL_PORT=0). */
    trustOrigin: (origin: string) => fetcher.trustOrigin?.(origin),
    /** Stops the worker threads this module started. */
    close: async () => {
      await ownPool?.close();
    },
  };
}

export type Monitoring = ReturnType<typeof createMonitoring>;
