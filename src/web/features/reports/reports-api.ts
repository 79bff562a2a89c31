/** Report drafts (sơ kết 6 tháng, tổng kết năm): create from a programme, edit the model, export. */
import { api, download } from "../../api/client";
import type { Page } from "../../api/types";
import type { TaskStatus } from "../follow-up/follow-up-api";

export type ReportKind = "semiannual" | "annual";
export type DocumentFormat = "party" | "state";

export interface TaskReportItem {
  ref: string;
  title: string;
  status?: TaskStatus | null;
  paragraphs: string[];
  evidence: string[];
  /** Response cases linked to the task (media monitoring). */
  cases?: string[];
}

/** The media-monitoring section: editable text, the coverage table and the figures it was drafted from. */
export interface MonitoringSection {
  heading: string;
  paragraphs: string[];
  bullets?: string[];
  /** A row with `count: null` is a group heading ("Theo ngôn ngữ"). */
  table: { rows: { label: string; count: number | null }[]; total: number } | null;
  /** Kept as the server drafted it (the annex sheet is built from it). */
  figures: unknown;
}

/** The editable report, as the server stores it (`ReportModelSchema`). */
export interface ReportModel {
  format: DocumentFormat;
  kind: ReportKind;
  issuer: { parent?: string | null; lines: string[] };
  number: { seq: number | string; typeCode: string; issuerCode: string };
  place: string;
  date: string;
  recipients: { name: string; purpose?: string | null }[];
  signature: { onBehalfOf?: string | null; signFor?: string | null; titleLines: string[]; name: string };
  programme: { title: string; number: string; date: string };
  period: { label: string; year: number; start: string; end: string };
  title: { type?: string; summary: string };
  intro: string[];
  overview?: { heading: string; paragraphs: string[]; bullets?: string[] }[];
  monitoring?: MonitoringSection | null;
  results: { general: TaskReportItem[]; specific: TaskReportItem[] };
  statistics: {
    asOf: string;
    total: number;
    rows: { status: TaskStatus; label: string; count: number; percent: number }[];
    note?: string | null;
  };
  limitations: string[];
  causes: string[];
  nextTasks: string[];
  proposals?: string[];
}

export interface ReportSummary {
  id: string;
  kind: ReportKind;
  year: number;
  format: DocumentFormat;
  cutoffFrom: string;
  cutoffTo: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** A result of the report's period confirmed after its cut-off: left out, counted in the next period. */
export interface AfterCutoffItem {
  taskId: string;
  ref: string;
  title: string;
  partyName: string;
  confirmedOn: string;
}

export interface Report extends ReportSummary {
  programmeId: string;
  model: ReportModel;
  afterCutoff: AfterCutoffItem[];
}

/** A row of the list of all programmes' reports. */
export interface ReportListItem extends ReportSummary {
  programmeId: string;
  programmeNumber: string | null;
  programmeTitle: string | null;
}

/** Filters and page of `GET /api/reports`. */
export interface ReportListQuery {
  programmeId?: string | undefined;
  kind?: ReportKind | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
  sort?: "year" | "-year" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
}

export interface CreateReportInput {
  kind: ReportKind;
  year: number;
  format: DocumentFormat;
  cutoffFrom?: string;
  cutoffTo?: string;
}

/** Default cut-offs (NĐ 09/2019): 15/12 of the previous year to 14/6 (six months) or 14/12 (year). */
export const defaultCutoffs = (kind: ReportKind, year: number) => ({
  from: `${year - 1}-12-15`,
  to: kind === "semiannual" ? `${year}-06-14` : `${year}-12-14`,
});

export const reportsApi = {
  list: (programmeId: string, signal?: AbortSignal) =>
    api
      .get<{ items: ReportSummary[] }>(`/api/programmes/${programmeId}/reports`, undefined, signal)
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
