import type { IsoDate } from "../../follow-up/calendar/calendar.dates.js";
import type { StatusRow } from "../../follow-up/status/status.summary.js";
import type { TaskStatus } from "../../follow-up/status/status.types.js";
import type { MonitoringReportFigures } from "../../monitoring/stats/report-figures.js";

/** Which rules shape the document: Party (HD 36-HD/VPTW, 2018) or State (NĐ 30/2020/NĐ-CP). */
export type DocumentFormat = "party" | "state";

/**
 * Number and symbol of a document. Rendered "Số 15-BC/BCĐ" in Party format (no colon, hyphen before
 * the type code) and "Số: 15/BC-UBND" in State format (colon, hyphen before the issuer code).
 */
export interface DocumentNumber {
  /** The running number; may be left blank ("") for the clerk to fill in at issue. */
  seq: number | string;
  /** "BC", "CV", "KH"… */
  typeCode: string;
  /** "BCĐ", "UBND", "TU"… */
  issuerCode: string;
}

/** The issuing body as printed top-left. */
export interface IssuerBlock {
  /** The body above the issuer, e.g. "THÀNH ỦY HẢI PHÒNG" (Party) or "UBND THÀNH PHỐ HẢI PHÒNG" (State). */
  parent?: string | null;
  /** The issuer's name, one entry per printed line: ["BAN CHỈ ĐẠO", "CÔNG TÁC THÔNG TIN ĐỐI NGOẠI"]. */
  lines: readonly string[];
}

/**
 * Signature block. `onBehalfOf` prints "T/M …" (Party) / "TM. …" (State); `signFor` prints
 * "K/T …" / "KT. …"; then the signer's title lines and name.
 *
 * @example { onBehalfOf: "ỦY BAN NHÂN DÂN", signFor: "CHỦ TỊCH", titleLines: ["PHÓ CHỦ TỊCH"], name: "Hoàng Minh Cường" }
 */
export interface SignatureBlock {
  onBehalfOf?: string | null;
  signFor?: string | null;
  titleLines: readonly string[];
  name: string;
}

/** One entry of "Nơi nhận". */
export interface Recipient {
  name: string;
  /** "để báo cáo", "để thực hiện"… */
  purpose?: string | null;
}

/** What every outgoing document has: header, number, place and date, recipients, signature. */
export interface DocumentHead {
  format: DocumentFormat;
  issuer: IssuerBlock;
  number: DocumentNumber;
  /** "Hải Phòng" */
  place: string;
  date: IsoDate;
  recipients: readonly Recipient[];
  signature: SignatureBlock;
}

/** A titled block of body paragraphs (e.g. "Công tác lãnh đạo, chỉ đạo"). */
export interface ReportSection {
  heading: string;
  paragraphs: readonly string[];
  /** Printed as "- …" lines after the paragraphs. */
  bullets?: readonly string[];
}

/** The result of one programme task. */
export interface TaskReportItem {
  /** Programme reference, e.g. "II.7" or "7". */
  ref: string;
  /** The task, usually its first sentence. */
  title: string;
  status?: TaskStatus | null;
  paragraphs: readonly string[];
  /** Products and evidence: "Bài viết …, đăng ngày …", "Kế hoạch số …". */
  evidence: readonly string[];
  /** Response cases linked to the task (media monitoring): a summary line, then one line per case. */
  cases?: readonly string[];
}

/** One row of the coverage table: a group heading (count null) or a category with its count. */
export interface CoverageTableRow {
  label: string;
  count: number | null;
}

/**
 * The media-monitoring section of a report: editable paragraphs and bullets, the coverage table, and
 * the figures it was drafted from (kept for the annex sheet). `table` is null when there is no data.
 */
export interface MonitoringSection {
  heading: string;
  paragraphs: readonly string[];
  bullets?: readonly string[];
  table: { rows: readonly CoverageTableRow[]; total: number } | null;
  figures: MonitoringReportFigures | null;
}

/** One register's part of the figures section: its heading and editable sentences. */
export interface RegisterGroup {
  kind: string;
  heading: string;
  paragraphs: readonly string[];
}

/** A register's sheet of the XLSX annex, kept with the draft so the annex matches the document. */
export interface RegisterAnnexSheet {
  name: string;
  columns: readonly { header: string; width?: number | undefined; numFmt?: string | undefined }[];
  rows: readonly (readonly (string | number | null)[])[];
}

/**
 * The registers' figures of the period (delegations, press visits, events, partners, courses, budget,
 * installations, portal…): a titled section of groups, and the sheets of the annex.
 */
export interface RegistersSection {
  heading: string;
  groups: readonly RegisterGroup[];
  sheets: readonly RegisterAnnexSheet[];
}

/** Statistics of task statuses as of a date. */
export interface ReportStatistics {
  asOf: IsoDate;
  total: number;
  rows: readonly StatusRow[];
  /** Text printed under the table, e.g. the overdue-age breakdown. */
  note?: string | null;
}

/** Everything a semi-annual (sơ kết 6 tháng) or annual (tổng kết năm) report says. */
export interface ReportModel extends DocumentHead {
  kind: "semiannual" | "annual";
  /** The programme reported on. */
  programme: { title: string; number: string; date: IsoDate };
  /** The reporting period. */
  period: { label: string; year: number; start: IsoDate; end: IsoDate };
  /** Type name (default "BÁO CÁO") and summary line printed under it. */
  title: { type?: string; summary: string };
  /** Opening paragraphs ("Thực hiện Chương trình số 02-CTr/BCĐ…"). */
  intro: readonly string[];
  /** Sections under part I before the task results (leadership, communication…). */
  overview?: readonly ReportSection[];
  /** Media monitoring in the period (part I, before the task results); absent without the module. */
  monitoring?: MonitoringSection | null;
  /** The registers' figures of the period (part I, after monitoring); absent when no register has any. */
  registers?: RegistersSection | null;
  results: { general: readonly TaskReportItem[]; specific: readonly TaskReportItem[] };
  statistics: ReportStatistics;
  limitations: readonly string[];
  causes: readonly string[];
  nextTasks: readonly string[];
  /** Part IV, when present. */
  proposals?: readonly string[];
}

/** One overdue task in an urging notice. */
export interface UrgingItem {
  ref: string;
  text: string;
  leads: readonly string[];
  due: IsoDate;
  daysOverdue: number;
}

/** A notice urging leads to finish overdue tasks (công văn đôn đốc). */
export interface UrgingNoticeModel extends DocumentHead {
  /** Printed under the number: "V/v đôn đốc thực hiện nhiệm vụ quá hạn …". */
  subject: string;
  /** "Kính gửi" lines. */
  addressees: readonly string[];
  intro: readonly string[];
  items: readonly UrgingItem[];
  /** The date overdue days are counted to. */
  asOf: IsoDate;
  closing: readonly string[];
}
