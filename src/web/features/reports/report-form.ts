/** The report model ↔ the editor's form: lists of lines become one text area each (one line per entry). */
import dayjs from "dayjs";
import type { ReportModel, TaskReportItem } from "./reports-api";

export interface TaskItemValues {
  paragraphs: string;
  evidence: string;
  cases: string;
}

export interface ReportFormValues {
  summary: string;
  seq: string;
  date: dayjs.Dayjs;
  place: string;
  intro: string;
  monitoringHeading: string;
  monitoringParagraphs: string;
  monitoringBullets: string;
  general: TaskItemValues[];
  specific: TaskItemValues[];
  statisticsNote: string;
  limitations: string;
  causes: string;
  nextTasks: string;
  proposals: string;
  recipients: { name: string; purpose?: string | null }[];
  onBehalfOf: string;
  signFor: string;
  titleLines: string;
  signerName: string;
}

const text = (lines: readonly string[] | undefined) => (lines ?? []).join("\n");
const lines = (value: string | undefined) =>
  (value ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const itemValues = (item: TaskReportItem): TaskItemValues => ({
  paragraphs: text(item.paragraphs),
  evidence: text(item.evidence),
  cases: text(item.cases),
});

export function toFormValues(m: ReportModel): ReportFormValues {
  return {
    summary: m.title.summary,
    seq: String(m.number.seq),
    date: dayjs(m.date),
    place: m.place,
    intro: text(m.intro),
    monitoringHeading: m.monitoring?.heading ?? "",
    monitoringParagraphs: text(m.monitoring?.paragraphs),
    monitoringBullets: text(m.monitoring?.bullets),
    general: m.results.general.map(itemValues),
    specific: m.results.specific.map(itemValues),
    statisticsNote: m.statistics.note ?? "",
    limitations: text(m.limitations),
    causes: text(m.causes),
    nextTasks: text(m.nextTasks),
    proposals: text(m.proposals),
    recipients: m.recipients.map((r) => ({ name: r.name, purpose: r.purpose ?? "" })),
    onBehalfOf: m.signature.onBehalfOf ?? "",
    signFor: m.signature.signFor ?? "",
    titleLines: text(m.signature.titleLines),
    signerName: m.signature.name,
  };
}

const mergeItems = (items: TaskReportItem[], values: TaskItemValues[] | undefined) =>
  items.map((item, i) => {
    const v = values?.[i];
    if (!v) return item;
    const cases = lines(v.cases);
    const { cases: _drafted, ...rest } = item;
    return {
      ...rest,
      paragraphs: lines(v.paragraphs),
      evidence: lines(v.evidence),
      ...(cases.length > 0 && { cases }),
    };
  });

/** The stored model with the form's edits applied; everything the form does not show is kept. */
export function fromFormValues(m: ReportModel, v: ReportFormValues): ReportModel {
  const seq = v.seq.trim();
  return {
    ...m,
    title: { ...m.title, summary: v.summary.trim() },
    number: { ...m.number, seq: /^\d+$/.test(seq) ? Number(seq) : seq },
    date: v.date.format("YYYY-MM-DD"),
    place: v.place.trim(),
    intro: lines(v.intro),
    ...(m.monitoring && {
      monitoring: {
        ...m.monitoring,
        heading: v.monitoringHeading?.trim() || m.monitoring.heading,
        paragraphs: lines(v.monitoringParagraphs),
        bullets: lines(v.monitoringBullets),
      },
    }),
    results: {
      general: mergeItems(m.results.general, v.general),
      specific: mergeItems(m.results.specific, v.specific),
    },
    statistics: { ...m.statistics, note: v.statisticsNote.trim() || null },
    limitations: lines(v.limitations),
    causes: lines(v.causes),
    nextTasks: lines(v.nextTasks),
    proposals: lines(v.proposals),
    recipients: (v.recipients ?? [])
      .filter((r) => r.name?.trim())
      .map((r) => ({ name: r.name.trim(), purpose: r.purpose?.trim() || null })),
    signature: {
      onBehalfOf: v.onBehalfOf.trim() || null,
      signFor: v.signFor.trim() || null,
      titleLines: lines(v.titleLines),
      name: v.signerName.trim(),
    },
  };
}
