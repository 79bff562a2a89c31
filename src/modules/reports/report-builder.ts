/**
 * Drafts a semi-annual (sơ kết 6 tháng) or annual (tổng kết năm) report from a programme's follow-up
 * data: results task by task from CONFIRMED check-ins and their evidence, the statistics of statuses
 * at the cut-off, limitations from reported difficulties, and next tasks from unfinished work; with
 * media-monitoring figures, a monitoring section and, under each task, the response cases linked to it.
 */

import { clipAtWord } from "../../shared/text/vi-format.js";
import { hoChiMinhDateOf, todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import type { IsoDate } from "../follow-up/calendar/calendar.dates.js";
import type { ProgrammeFollowUp, TaskInfo } from "../follow-up/follow-up.data.js";
import { summarizeStatuses } from "../follow-up/status/status.summary.js";
import type { TaskStatusResult } from "../follow-up/status/status.types.js";
import type { MonitoringReportFigures, ReportCase } from "../monitoring/stats/report-figures.js";
import type { ReportRegisters } from "../registers/registers.service.js";
import type { AnnexTaskRow } from "./docx/annex.xlsx.js";
import { formatShortDate, inSentenceCase, NO_CONFIRMED_RESULTS } from "./docx/docx.text.js";
import type {
  DocumentFormat,
  Recipient,
  ReportModel,
  SignatureBlock,
  TaskReportItem,
} from "./docx/report.model.js";
import { monitoringSection, taskCaseLines } from "./report-monitoring.js";
import { registersSection, taskRegisterLines } from "./report-registers.js";
import { reportStatistics } from "./report-statistics.js";

export { NO_CONFIRMED_RESULTS };

/** A confirmed check-in with its evidence lines. */
export interface ConfirmedCheckIn {
  taskId: string;
  role: string;
  partyName: string;
  doneText: string;
  difficulties: string | null;
  proposals: string | null;
  submittedAt: string;
  /** When the secretariat confirmed it: this date, not the submission, places it in a reporting window. */
  confirmedAt: string;
  /** The reporting period it reports on: "2024-Q2", "2024-H1", "2024". */
  period: string;
  evidence: string[];
}

/** The rule, as the report draft and the dashboard state it where it applies. */
export const AFTER_CUTOFF_RULE = {
  vi: "xác nhận sau ngày chốt số liệu — tính vào kỳ sau",
  en: "confirmed after the data cut-off — counted in the next period",
};

/** A result of the report's period confirmed after its cut-off: the draft leaves it out and says why. */
export interface AfterCutoffItem {
  taskId: string;
  ref: string;
  title: string;
  partyName: string;
  /** Local (Hồ Chí Minh) date of the confirmation. */
  confirmedOn: IsoDate;
}

/** Periods of a year a semi-annual report covers; an annual report covers every period of the year. */
const FIRST_HALF = (year: number) => new Set([`${year}-Q1`, `${year}-Q2`, `${year}-H1`]);

/**
 * Check-ins reporting on the report's period but confirmed after its cut-off (`cutoffTo`): they count in
 * the next period, so the draft and a dashboard read after the cut-off disagree on them.
 */
export function confirmedAfterCutoff(
  data: ProgrammeFollowUp,
  checkIns: readonly ConfirmedCheckIn[],
  input: Pick<ReportInput, "kind" | "year" | "cutoffTo">,
): AfterCutoffItem[] {
  const inPeriod = (period: string) =>
    input.kind === "semiannual" ? FIRST_HALF(input.year).has(period) : period.startsWith(String(input.year));
  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const out: AfterCutoffItem[] = [];
  for (const c of checkIns) {
    const task = tasks.get(c.taskId);
    const confirmedOn = hoChiMinhDateOf(c.confirmedAt);
    if (!task || confirmedOn <= input.cutoffTo || !inPeriod(c.period)) continue;
    out.push({
      taskId: task.id,
      ref: task.ref,
      title: taskTitle(task.text),
      partyName: c.partyName,
      confirmedOn,
    });
  }
  return out;
}

export interface ReportInput {
  kind: "semiannual" | "annual";
  year: number;
  format: DocumentFormat;
  cutoffFrom: IsoDate;
  cutoffTo: IsoDate;
  number?: number | undefined;
  date?: IsoDate | undefined;
}

/** Default cut-offs (NĐ 09/2019): six months 15/12 of the previous year – 14/6; year 15/12 – 14/12. */
export function defaultCutoffs(kind: "semiannual" | "annual", year: number) {
  return { from: `${year - 1}-12-15`, to: kind === "semiannual" ? `${year}-06-14` : `${year}-12-14` };
}

/**
 * The first sentence of a task, for titles: whole (a reader must not meet a word cut in half); only a
 * first sentence longer than a paragraph is shortened, and then between words.
 */
export function taskTitle(text: string): string {
  const first = text.split(/(?<=[.;:])\s/)[0] ?? text;
  return clipAtWord(first, 600).replace(/[.;:]$/, "");
}

/**
 * "về công tác năm 2024": the programme's title as it reads after "Thực hiện Chương trình số …": in
 * sentence case when printed in capitals, without repeating "Chương trình".
 */
/** The issuing body's name inside a sentence: "Ban Chỉ đạo công tác thông tin đối ngoại", first letter up. */
function bodyName(issuer: string, place: string | null): string {
  const text = inSentenceCase(issuer, place ? [place] : []);
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

function programmeSubject(title: string | null, place: string | null): string {
  if (!title) return "chương trình công tác";
  const text = inSentenceCase(title, place ? [place] : []);
  const rest = text.replace(/^chương trình\s+/iu, "");
  return rest === text ? text : rest;
}

function signatureOf(json: string | null): SignatureBlock {
  try {
    const s = json ? (JSON.parse(json) as { authority?: string; name?: string | null }) : null;
    if (s?.name) {
      const lines = (s.authority ?? "TRƯỞNG BAN")
        .split(/\n|\s+(?=kiêm\b)|(?<=\bkiêm)\s+/)
        .map((l) => l.trim())
        .filter(Boolean);
      return { titleLines: lines, name: s.name };
    }
  } catch {
    // fall through to the default
  }
  return { titleLines: ["TRƯỞNG BAN"], name: "" };
}

function recipientsOf(json: string): Recipient[] {
  try {
    const list = JSON.parse(json) as { name?: string; purpose?: string | null }[];
    const out = list
      .filter((r) => r.name)
      .map((r) => ({ name: r.name as string, purpose: r.purpose ?? null }));
    if (out.length) return out;
  } catch {
    // fall through to the default
  }
  return [{ name: "Như trên" }, { name: "Lưu Tổ Giúp việc" }];
}

const isDone = (r: TaskStatusResult) => r.status === "completed_on_time" || r.status === "completed_late";

/** Response cases of the period grouped by the programme task they are linked to. */
function casesByTask(monitoring: MonitoringReportFigures | null): Map<string, ReportCase[]> {
  const out = new Map<string, ReportCase[]>();
  for (const c of monitoring?.cases ?? []) if (c.taskId) out.set(c.taskId, [...(out.get(c.taskId) ?? []), c]);
  return out;
}

export function buildReportModel(
  data: ProgrammeFollowUp,
  results: readonly TaskStatusResult[],
  asOf: IsoDate,
  checkIns: readonly ConfirmedCheckIn[],
  input: ReportInput,
  /** Media-monitoring figures of the period; null when the monitoring module is not wired in. */
  monitoring: MonitoringReportFigures | null = null,
  /** The registers' figures of the period and the entries attached to each task; null without registers. */
  registers: ReportRegisters | null = null,
): ReportModel {
  const p = data.programme;
  // Placed by the confirmation date, as the statuses are: a result confirmed after the cut-off counts next time.
  const inWindow = checkIns.filter((c) => {
    const d = hoChiMinhDateOf(c.confirmedAt);
    return d >= input.cutoffFrom && d <= input.cutoffTo;
  });
  const byTask = new Map<string, ConfirmedCheckIn[]>();
  for (const c of inWindow) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);
  const periodLabel = input.kind === "semiannual" ? `6 tháng đầu năm ${input.year}` : `năm ${input.year}`;
  const number = p.number ?? "";
  const issuerCode = number.includes("/") ? (number.split("/").pop() ?? "BCĐ") : "BCĐ";

  const linkedCases = casesByTask(monitoring);
  const item = (t: TaskInfo, i: number): TaskReportItem => {
    const own = byTask.get(t.id) ?? [];
    const cases = taskCaseLines(linkedCases.get(t.id) ?? [], input.cutoffTo);
    return {
      ref: t.ref,
      title: taskTitle(t.text),
      status: results[i]?.status ?? null,
      paragraphs: own.length
        ? own.map((c) => (c.role === "lead" ? c.doneText : `${c.partyName} (phối hợp): ${c.doneText}`))
        : [], // said once for the whole section in the document (see report.docx.ts)
      evidence: [...own.flatMap((c) => c.evidence), ...taskRegisterLines(registers?.byTask.get(t.id))],
      ...(cases.length > 0 && { cases }),
    };
  };
  const general: TaskReportItem[] = [];
  const specific: TaskReportItem[] = [];
  data.tasks.forEach((t, i) => {
    (t.kind === "general" ? general : specific).push(item(t, i));
  });

  const summary = summarizeStatuses(results);
  const completed = summary.byStatus.completed_on_time + summary.byStatus.completed_late;
  const intro = [
    `Thực hiện Chương trình số ${number}${p.issued_on ? `, ngày ${formatShortDate(p.issued_on)}` : ""} của ${p.issuer ? bodyName(p.issuer, p.place) : "Ban Chỉ đạo"} về ${programmeSubject(p.title, p.place)}, Ban Chỉ đạo báo cáo kết quả thực hiện ${periodLabel} (số liệu từ ngày ${formatShortDate(input.cutoffFrom)} đến ngày ${formatShortDate(input.cutoffTo)}) như sau:`,
  ];
  const situation = [
    `Chương trình có ${data.tasks.length} nhiệm vụ (${general.length} nhiệm vụ chung, ${specific.length} nhiệm vụ cụ thể). Tính đến ngày ${formatShortDate(asOf)}: ${completed} nhiệm vụ đã hoàn thành, ${summary.byStatus.overdue} nhiệm vụ chưa hoàn thành đã quá hạn; trong kỳ có ${inWindow.length} báo cáo kết quả được Tổ Giúp việc xác nhận.`,
  ];
  if (inWindow.length === 0) situation.push(`${NO_CONFIRMED_RESULTS}.`);

  const difficulties = [
    ...new Set(inWindow.map((c) => c.difficulties?.trim()).filter((d): d is string => !!d)),
  ];
  const proposals = [...new Set(inWindow.map((c) => c.proposals?.trim()).filter((d): d is string => !!d))];
  const nextTasks = data.tasks
    .map((t, i) => ({ t, r: results[i] as TaskStatusResult }))
    .filter(({ r }) => !isDone(r))
    .map(({ t, r }) =>
      r.kind === "ongoing"
        ? `Thường xuyên: ${taskTitle(t.text)} (nhiệm vụ ${t.ref}).`
        : `Tiếp tục thực hiện nhiệm vụ ${t.ref}: ${taskTitle(t.text)}${r.status === "overdue" ? " (đã quá hạn, cần tập trung hoàn thành)" : ""}.`,
    );

  return {
    format: input.format,
    kind: input.kind,
    issuer: {
      parent: p.parent_issuer,
      lines: p.issuer ? [p.issuer] : ["Ban Chỉ đạo", "Công tác thông tin đối ngoại"],
    },
    number: { seq: input.number ?? "", typeCode: "BC", issuerCode },
    place: p.place ?? "Hải Phòng",
    date: input.date ?? todayInHoChiMinh(),
    programme: { title: p.title ?? "", number, date: p.issued_on ?? asOf },
    period: { label: periodLabel, year: input.year, start: input.cutoffFrom, end: input.cutoffTo },
    title: {
      type: "BÁO CÁO",
      summary:
        input.kind === "semiannual"
          ? `sơ kết công tác thông tin đối ngoại 6 tháng đầu năm,\nnhiệm vụ trọng tâm 6 tháng cuối năm ${input.year}`
          : `tổng kết công tác thông tin đối ngoại năm ${input.year},\nphương hướng, nhiệm vụ năm ${input.year + 1}`,
    },
    intro,
    overview: [{ heading: "Tình hình chung", paragraphs: situation }],
    ...(monitoring && { monitoring: monitoringSection(monitoring) }),
    ...(registers && { registers: registersSection(registers.figures) }),
    results: { general, specific },
    statistics: reportStatistics(summary, asOf),
    limitations: difficulties.length
      ? difficulties
      : ["Chưa ghi nhận khó khăn, vướng mắc trong các báo cáo được xác nhận."],
    causes: difficulties.length
      ? ["Nguyên nhân chủ yếu do các khó khăn, vướng mắc nêu trên (Tổ Giúp việc bổ sung, hoàn thiện)."]
      : ["(Tổ Giúp việc bổ sung nguyên nhân.)"],
    nextTasks,
    proposals,
    recipients: recipientsOf(p.recipients_json),
    signature: signatureOf(p.signature_json),
  };
}

/** The annex rows: every task with its parties, time frame, status and evidence. */
export function buildAnnexRows(
  data: ProgrammeFollowUp,
  results: readonly TaskStatusResult[],
  checkIns: readonly ConfirmedCheckIn[],
  monitoring: MonitoringReportFigures | null = null,
  registers: ReportRegisters | null = null,
): AnnexTaskRow[] {
  const linkedCases = casesByTask(monitoring);
  return data.tasks.map((t, i) => {
    const r = results[i] as TaskStatusResult;
    const note =
      r.kind === "dated" && r.status === "overdue"
        ? `quá hạn ${r.daysOverdue} ngày`
        : r.kind === "dated" && r.dueSource === "recorded"
          ? `hạn ${formatShortDate(r.due)}${r.directive ? ` theo ${r.directive}` : ""}`
          : null;
    return {
      ref: t.ref,
      text: t.text,
      directing: t.directing,
      leads: t.leads,
      coordinators: t.coordinators,
      timeframe: t.timeframeText ?? "",
      status: r.status,
      statusNote: note,
      evidence: [
        ...checkIns.filter((c) => c.taskId === t.id).flatMap((c) => [c.doneText, ...c.evidence]),
        ...taskCaseLines(linkedCases.get(t.id) ?? [], monitoring?.to ?? ""),
        ...taskRegisterLines(registers?.byTask.get(t.id)),
      ],
    };
  });
}
