import { Packer, type Paragraph, type Table } from "docx";
import { TASK_STATUS_LABELS } from "../../follow-up/status/status.types.js";
import {
  bodyParagraph,
  closingBlock,
  dataTable,
  documentHeader,
  heading,
  officialDocument,
  run,
  titleBlock,
} from "./docx.layout.js";
import { formatPercent, formatShortDate, NO_CONFIRMED_RESULTS } from "./docx.text.js";
import { monitoringBlocks } from "./monitoring.docx.js";
import type { ReportModel, ReportSection, ReportStatistics, TaskReportItem } from "./report.model.js";

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];

/**
 * Builds a semi-annual or annual follow-up report as a Word document, in Party (HD 36-HD/VPTW) or
 * State (NĐ 30/2020) format: header table, title, I. results (overview, media monitoring, general and
 * specific tasks with their linked response cases, statistics table), II. limitations and causes, III. next period's tasks, IV. proposals, then
 * "Nơi nhận" and the signature.
 *
 * @example const buffer = await buildReportDocx(model); await writeFile("bao-cao.docx", buffer);
 */
export async function buildReportDocx(model: ReportModel): Promise<Buffer> {
  const doc = officialDocument(
    { title: `${model.title.type ?? "Báo cáo"} ${model.title.summary}`, description: model.period.label },
    reportBody(model),
  );
  return Packer.toBuffer(doc);
}

/** The document's blocks, in order (exported for tests and for other report kinds). */
export function reportBody(model: ReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    documentHeader(model),
    ...titleBlock(model.format, model.title.type ?? "BÁO CÁO", model.title.summary),
  ];
  for (const p of model.intro) out.push(bodyParagraph(p));

  let part = 0;
  out.push(heading(`${ROMAN[part++]}. KẾT QUẢ THỰC HIỆN`));
  let n = 1;
  for (const s of model.overview ?? []) out.push(...section(`${n++}. ${s.heading}`, s));
  if (model.monitoring)
    out.push(...monitoringBlocks(`${n++}. ${model.monitoring.heading}`, model.monitoring));
  if (model.registers && model.registers.groups.length > 0) {
    out.push(heading(`${n++}. ${model.registers.heading}`));
    model.registers.groups.forEach((g, i) => {
      out.push(
        bodyParagraph([run(`${String.fromCharCode(97 + (i % 26))}) ${g.heading}`, { italics: true })]),
      );
      for (const p of g.paragraphs) out.push(bodyParagraph(p));
    });
  }
  if (model.results.general.length > 0) {
    out.push(heading(`${n++}. Kết quả thực hiện các nhiệm vụ chung`));
    const { reported, silent } = splitByResults(model.results.general);
    reported.forEach((t, i) => {
      out.push(...taskItem(t, `${String.fromCharCode(97 + (i % 26))})`));
    });
    if (silent.length > 0) out.push(bodyParagraph(withoutResults(silent, "chung")));
  }
  if (model.results.specific.length > 0) {
    out.push(heading(`${n++}. Kết quả thực hiện các nhiệm vụ cụ thể`));
    const { reported, silent } = splitByResults(model.results.specific);
    for (const t of reported) out.push(...taskItem(t, `- Nhiệm vụ ${t.ref}:`));
    if (silent.length > 0) out.push(bodyParagraph(withoutResults(silent, "cụ thể")));
  }
  out.push(
    heading(`${n++}. Tình hình thực hiện nhiệm vụ (tính đến ngày ${formatShortDate(model.statistics.asOf)})`),
  );
  out.push(...statistics(model.statistics));

  out.push(heading(`${ROMAN[part++]}. HẠN CHẾ, NGUYÊN NHÂN`));
  out.push(heading("1. Hạn chế"));
  for (const p of model.limitations) out.push(bodyParagraph(`- ${p}`));
  out.push(heading("2. Nguyên nhân"));
  for (const p of model.causes) out.push(bodyParagraph(`- ${p}`));

  const next =
    model.kind === "semiannual"
      ? `NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM ${model.period.year}`
      : `PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM ${model.period.year + 1}`;
  out.push(heading(`${ROMAN[part++]}. ${next}`));
  model.nextTasks.forEach((t, i) => {
    out.push(bodyParagraph(`${i + 1}. ${t}`));
  });
  if (model.proposals && model.proposals.length > 0) {
    out.push(heading(`${ROMAN[part++]}. ĐỀ XUẤT, KIẾN NGHỊ`));
    for (const p of model.proposals) out.push(bodyParagraph(`- ${p}`));
  }
  out.push(bodyParagraph(""));
  out.push(closingBlock(model));
  return out;
}

/** Drafts before the grouping wrote the sentence under each task; both read as "nothing to report". */
const isNothing = (p: string) => p.trim() === "" || p.trim().replace(/\.$/, "") === NO_CONFIRMED_RESULTS;

/** Tasks with something to say (results, evidence, cases), and those without, said once for the section. */
function splitByResults(items: readonly TaskReportItem[]) {
  const reported: TaskReportItem[] = [];
  const silent: TaskReportItem[] = [];
  for (const t of items) {
    const isSilent = t.paragraphs.every(isNothing) && t.evidence.length === 0 && (t.cases?.length ?? 0) === 0;
    (isSilent ? silent : reported).push(t);
  }
  return { reported, silent };
}

/** "- Các nhiệm vụ cụ thể 2, 5 và 8: trong kỳ chưa có báo cáo kết quả được xác nhận." */
function withoutResults(items: readonly TaskReportItem[], kind: "chung" | "cụ thể"): string {
  const refs = items.map((t) => t.ref);
  const list = refs.length > 1 ? `${refs.slice(0, -1).join(", ")} và ${refs.at(-1)}` : refs[0];
  const sentence = NO_CONFIRMED_RESULTS.charAt(0).toLocaleLowerCase("vi") + NO_CONFIRMED_RESULTS.slice(1);
  const who = refs.length > 1 ? `Các nhiệm vụ ${kind} ${list}` : `Nhiệm vụ ${kind} ${list}`;
  return `- ${who}: ${sentence}.`;
}

function section(title: string, s: ReportSection): Paragraph[] {
  return [
    heading(title),
    ...s.paragraphs.map((p) => bodyParagraph(p)),
    ...(s.bullets ?? []).map((b) => bodyParagraph(`- ${b}`)),
  ];
}

function taskItem(t: TaskReportItem, label: string): Paragraph[] {
  const status = t.status ? ` (${TASK_STATUS_LABELS[t.status].vi})` : "";
  const out = [
    bodyParagraph(
      [
        run(`${label} `, { bold: true }),
        run(t.title, { bold: true, italics: true }),
        run(status, { italics: true }),
      ],
      {
        keepNext: true,
      },
    ),
  ];
  for (const p of t.paragraphs) if (!isNothing(p)) out.push(bodyParagraph(p));
  if (t.evidence.length > 0) {
    out.push(bodyParagraph([run("Sản phẩm, minh chứng:", { italics: true })], { keepNext: true }));
    for (const e of t.evidence) out.push(bodyParagraph(`+ ${e}`));
  }
  if (t.cases && t.cases.length > 0) {
    out.push(
      bodyParagraph([run("Xử lý thông tin (theo dõi báo chí, mạng xã hội):", { italics: true })], {
        keepNext: true,
      }),
    );
    for (const c of t.cases) out.push(bodyParagraph(`+ ${c}`));
  }
  return out;
}

function statistics(s: ReportStatistics): (Paragraph | Table)[] {
  const rows = s.rows.map((r, i) => [String(i + 1), r.label, String(r.count), formatPercent(r.percent)]);
  const sum = s.rows.reduce((a, r) => a + r.count, 0);
  rows.push(["", "Tổng số", String(s.total), s.total > 0 && sum === s.total ? "100" : ""]);
  const out: (Paragraph | Table)[] = [
    bodyParagraph(`Tổng số nhiệm vụ theo dõi: ${s.total} nhiệm vụ. Kết quả cụ thể như sau:`, {
      keepNext: true,
    }),
    dataTable(["TT", "Tình trạng thực hiện", "Số nhiệm vụ", "Tỷ lệ (%)"], rows, [12, 95, 28, 30], true),
  ];
  if (s.note) out.push(bodyParagraph([run(s.note, { italics: true })], { before: 120 }));
  return out;
}

export { formatPercent } from "./docx.text.js";
