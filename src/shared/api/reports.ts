/**
 * Request shapes of reports and urging notices, and the editable report model: one source for the
 * server's validation, its OpenAPI document and the web client's types (`z.infer`).
 */
import { z } from "zod";
import { TASK_STATUSES } from "./follow-up.js";
import { PageQuery, sortParam } from "./pagination.js";

const IsoDate = z.iso.date();
const Line = z.string().max(5000);
const Lines = z.array(Line).max(2000);
const Status = z.enum(TASK_STATUSES);

export const CreateReportBody = z.strictObject({
  kind: z.enum(["semiannual", "annual"]),
  year: z.number().int().min(2000).max(2100),
  format: z.enum(["party", "state"]).default("party"),
  /** First day counted; default 15/12 of the previous year (NĐ 09/2019). */
  cutoffFrom: IsoDate.optional(),
  /** Last day counted; default 14/6 (six months) or 14/12 (year). */
  cutoffTo: IsoDate.optional(),
  /** Running number of the report, when already allocated. */
  number: z.number().int().min(1).max(100_000).optional(),
  date: IsoDate.optional(),
});
export type CreateReportInput = z.infer<typeof CreateReportBody>;

export const TaskItem = z.strictObject({
  ref: z.string().max(50),
  title: Line,
  status: Status.nullable().optional(),
  paragraphs: Lines,
  evidence: Lines,
  /** Response cases linked to the task (media monitoring). */
  cases: Lines.optional(),
});

const Key = z.string().max(100);
const Counts = z.record(Key, z.number().int().min(0));
const Short = z.string().max(1000);

/** Media-monitoring figures as drafted (see `monitoring/stats/report-figures.ts`). */
const MonitoringFiguresSchema = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  total: z.number().int().min(0),
  outlets: z.number().int().min(0),
  byLanguage: Counts,
  byCountry: Counts,
  byOutletType: Counts,
  byTone: Counts,
  byTopic: Counts,
  topicNames: z.record(Key, Short),
  topOutlets: z
    .array(z.strictObject({ name: Short, outletType: Key, country: Key, count: z.number().int().min(0) }))
    .max(100),
  flaggedFalse: z.number().int().min(0),
  cases: z
    .array(
      z.strictObject({
        id: Key,
        title: Short,
        assessment: Key,
        state: Key,
        taskId: Key.nullable(),
        actions: z.array(z.strictObject({ kind: Key, note: Line })).max(100),
        outcome: Line.nullable(),
        openedOn: IsoDate,
        closedOn: IsoDate.nullable(),
        isOpenedInPeriod: z.boolean(),
        isClosedInPeriod: z.boolean(),
        /** Rebuttal articles of the portal linked to the case (absent in drafts made before). */
        rebuttals: z
          .strictObject({
            items: z.number().int().min(0),
            published: z.number().int().min(0),
            languages: z.number().int().min(0),
            views: z.number().int().min(0),
          })
          .optional(),
      }),
    )
    .max(2000),
  /** The city's own channels, counted apart from outside coverage (absent in drafts made before). */
  ownChannel: z.strictObject({ total: z.number().int().min(0), byLanguage: Counts }).optional(),
});

/** The monitoring section: editable text, the coverage table and the figures behind it. */
export const MonitoringSectionSchema = z.strictObject({
  heading: z.string().max(500),
  paragraphs: Lines,
  bullets: Lines.optional(),
  table: z
    .strictObject({
      rows: z.array(z.strictObject({ label: Short, count: z.number().int().min(0).nullable() })).max(200),
      total: z.number().int().min(0),
    })
    .nullable(),
  figures: MonitoringFiguresSchema.nullable(),
});

/** The registers' figures: editable sentences per register and the annex sheets drafted with them. */
export const RegistersSectionSchema = z.strictObject({
  heading: z.string().max(500),
  groups: z
    .array(z.strictObject({ kind: z.string().max(40), heading: z.string().max(500), paragraphs: Lines }))
    .max(50),
  sheets: z
    .array(
      z.strictObject({
        name: z.string().max(100),
        columns: z
          .array(
            z.strictObject({
              header: z.string().max(200),
              width: z.number().min(1).max(200).optional(),
              numFmt: z.string().max(50).optional(),
            }),
          )
          .max(40),
        rows: z.array(z.array(z.union([z.string().max(20_000), z.number(), z.null()])).max(40)).max(50_000),
      }),
    )
    .max(50),
});

/** The editable report: everything the secretariat may change before export. */
export const ReportModelSchema = z.strictObject({
  format: z.enum(["party", "state"]),
  kind: z.enum(["semiannual", "annual"]),
  issuer: z.strictObject({
    parent: z.string().max(300).nullable().optional(),
    lines: z.array(z.string().max(300)).max(10),
  }),
  number: z.strictObject({
    seq: z.union([z.number().int(), z.string().max(20)]),
    typeCode: z.string().max(20),
    issuerCode: z.string().max(50),
  }),
  place: z.string().max(100),
  date: IsoDate,
  recipients: z
    .array(z.strictObject({ name: z.string().max(500), purpose: z.string().max(200).nullable().optional() }))
    .max(100),
  signature: z.strictObject({
    onBehalfOf: z.string().max(200).nullable().optional(),
    signFor: z.string().max(200).nullable().optional(),
    titleLines: z.array(z.string().max(200)).max(10),
    name: z.string().max(200),
  }),
  programme: z.strictObject({ title: z.string().max(1000), number: z.string().max(100), date: IsoDate }),
  period: z.strictObject({
    label: z.string().max(200),
    year: z.number().int(),
    start: IsoDate,
    end: IsoDate,
  }),
  title: z.strictObject({ type: z.string().max(100).optional(), summary: z.string().max(1000) }),
  intro: Lines,
  overview: z
    .array(z.strictObject({ heading: z.string().max(500), paragraphs: Lines, bullets: Lines.optional() }))
    .max(50)
    .optional(),
  monitoring: MonitoringSectionSchema.nullable().optional(),
  registers: RegistersSectionSchema.nullable().optional(),
  results: z.strictObject({ general: z.array(TaskItem).max(5000), specific: z.array(TaskItem).max(5000) }),
  statistics: z.strictObject({
    asOf: IsoDate,
    total: z.number().int().min(0),
    rows: z
      .array(
        z.strictObject({
          status: Status,
          label: z.string().max(200),
          count: z.number().int().min(0),
          percent: z.number(),
        }),
      )
      .max(20),
    note: z.string().max(2000).nullable().optional(),
  }),
  limitations: Lines,
  causes: Lines,
  nextTasks: Lines,
  proposals: Lines.optional(),
});

export const UpdateReportBody = z.strictObject({ model: ReportModelSchema });

export const ExportQuery = z.object({ format: z.enum(["docx", "xlsx", "pdf"]).default("docx") });

export const UrgingNoticeBody = z.strictObject({
  taskIds: z.array(z.string().min(1).max(64)).min(1).max(2000),
  number: z.number().int().min(1).max(100_000).optional(),
  date: IsoDate.optional(),
});

/** `GET /api/reports`: drafts of every programme, filtered and paged like other lists. */
export const ReportListQuery = PageQuery.extend({
  programmeId: z.string().min(1).max(64).optional(),
  kind: z.enum(["semiannual", "annual"]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: sortParam(["year", "createdAt", "updatedAt"] as const),
}).strict();
export type ReportListQueryInput = z.infer<typeof ReportListQuery>;

// ——— Responses ———

/** A report in a list: what it is and where it stands, without its content. */
export const ReportSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(["semiannual", "annual"]),
  year: z.number(),
  format: z.enum(["party", "state"]),
  cutoffFrom: z.string(),
  cutoffTo: z.string(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ReportSummaryListSchema = z.object({ items: z.array(ReportSummarySchema) });

/** A row of the list of all programmes' reports. */
export const ReportListItemSchema = ReportSummarySchema.extend({
  programmeId: z.string(),
  programmeNumber: z.string().nullable(),
  programmeTitle: z.string().nullable(),
});

/** A result of the report's period confirmed after its cut-off: left out, counted in the next period. */
export const AfterCutoffItemSchema = z.object({
  taskId: z.string(),
  ref: z.string(),
  title: z.string(),
  partyName: z.string(),
  /** Local (Hồ Chí Minh) date of the confirmation. */
  confirmedOn: z.string(),
});

/** A draft with its content, and the results of its period it leaves out because they were confirmed late. */
export const ReportSchema = ReportSummarySchema.extend({
  programmeId: z.string(),
  model: ReportModelSchema,
  afterCutoff: z.array(AfterCutoffItemSchema),
  /** How late confirmations are counted, in words. */
  afterCutoffRule: z.object({ vi: z.string(), en: z.string() }),
});
