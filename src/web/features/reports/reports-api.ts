/** Report drafts (sơ kết 6 tháng, tổng kết năm): create from a programme, edit the model, export. */
import type { z } from "zod";
import type {
  AfterCutoffItemSchema,
  CreateReportBody,
  MonitoringSectionSchema,
  ReportListItemSchema,
  ReportListQuery as ReportListQuerySchema,
  ReportModelSchema,
  ReportSchema,
  ReportSummaryListSchema,
  ReportSummarySchema,
  TaskItem,
} from "../../../shared/api/reports";
import { api, download } from "../../api/client";
import type { Page } from "../../api/types";

export type ReportKind = ReportModel["kind"];
export type DocumentFormat = ReportModel["format"];

/** A task's paragraphs in the report. */
export type TaskReportItem = z.infer<typeof TaskItem>;

/** The media-monitoring section: editable text, the coverage table and the figures it was drafted from. */
export type MonitoringSection = z.infer<typeof MonitoringSectionSchema>;

/** The editable report, as the server stores it (`ReportModelSchema` in `src/shared/api/reports.ts`). */
export type ReportModel = z.infer<typeof ReportModelSchema>;

/** The shapes come from the server's own schemas (src/shared/api/reports.ts). */
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
/** A result of the report's period confirmed after its cut-off: left out, counted in the next period. */
export type AfterCutoffItem = z.infer<typeof AfterCutoffItemSchema>;
export type Report = z.infer<typeof ReportSchema>;
/** A row of the list of all programmes' reports. */
export type ReportListItem = z.infer<typeof ReportListItemSchema>;

/** Filters and page of `GET /api/reports`. */
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

/** The body of `POST /api/programmes/:id/reports`. */
export type CreateReportInput = z.input<typeof CreateReportBody>;

/** Default cut-offs (NĐ 09/2019): 15/12 of the previous year to 14/6 (six months) or 14/12 (year). */
export const defaultCutoffs = (kind: ReportKind, year: number) => ({
  from: `${year - 1}-12-15`,
  to: kind === "semiannual" ? `${year}-06-14` : `${year}-12-14`,
});

export const reportsApi = {
  list: (programmeId: string, signal?: AbortSignal) =>
    api
      .get<z.infer<typeof ReportSummaryListSchema>>(
        `/api/programmes/${programmeId}/reports`,
        undefined,
        signal,
      )
      .then((a) => a.items),
  /** Drafts of every programme, filtered and paged. */
  listAll: (query: ReportListQuery, signal?: AbortSignal) =>
    api.get<Page<ReportListItem>>("/api/reports", { ...query }, signal),
  create: (programmeId: string, input: CreateReportInput) =>
    api.post<Report>(`/api/programmes/${programmeId}/reports`, input),
  get: (id: string, signal?: AbortSignal) => api.get<Report>(`/api/reports/${id}`, undefined, signal),
  update: (id: string, model: ReportModel) => api.patch<Report>(`/api/reports/${id}`, { model }),
  export: (id: string, format: "docx" | "xlsx" | "pdf") =>
    download(`/api/reports/${id}/export`, { format }, `bao-cao.${format}`),
};
