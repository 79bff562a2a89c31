/**
 * The media-monitoring part of a report, in the committee's words: coverage of the city in the period
 * ("ghi nhận … tin, bài"), the outlets that wrote most, possibly-false items detected and the response
 * cases opened and dealt with ("Đã phát hiện … tin sai lệch, xử lý … trường hợp"), and the lines a
 * task lists for the cases linked to it (specific task 14: rebutting false information).
 */
import type { MonitoringReportFigures, ReportCase } from "../monitoring/stats/report-figures.js";
import { formatShortDate } from "./docx/docx.text.js";
import type { CoverageTableRow, MonitoringSection } from "./docx/report.model.js";

export const MONITORING_HEADING = "Công tác theo dõi thông tin, phát hiện và xử lý thông tin sai lệch";

/** The one sentence a report says when monitoring has nothing for the period. */
export const NO_MONITORING_DATA =
  "Trong kỳ, hệ thống theo dõi thông tin chưa ghi nhận tin, bài đề cập đến thành phố và chưa có hồ sơ xử lý thông tin sai lệch.";

const LANGUAGES: Record<string, string> = {
  vi: "tiếng Việt",
  en: "tiếng Anh",
  zh: "tiếng Trung",
  ja: "tiếng Nhật",
  ko: "tiếng Hàn",
  fr: "tiếng Pháp",
  ru: "tiếng Nga",
  de: "tiếng Đức",
  es: "tiếng Tây Ban Nha",
  th: "tiếng Thái",
  lo: "tiếng Lào",
  km: "tiếng Khmer",
  und: "chưa xác định",
};
const COUNTRIES: Record<string, string> = {
  VN: "Việt Nam",
  CN: "Trung Quốc",
  US: "Hoa Kỳ",
  JP: "Nhật Bản",
  KR: "Hàn Quốc",
  FR: "Pháp",
  GB: "Vương quốc Anh",
  DE: "Đức",
  RU: "Nga",
  SG: "Xinh-ga-po",
  TH: "Thái Lan",
  LA: "Lào",
  KH: "Cam-pu-chia",
  AU: "Ô-xtrây-li-a",
  TW: "Đài Loan (Trung Quốc)",
  HK: "Hồng Kông (Trung Quốc)",
};
const OUTLET_TYPES: Record<string, string> = {
  domestic_press: "báo chí trong nước",
  foreign_press: "báo chí nước ngoài",
  social_media: "mạng xã hội",
  government: "cơ quan nhà nước",
};
const TONES: Record<string, string> = { positive: "tích cực", neutral: "trung tính", negative: "tiêu cực" };
const ASSESSMENTS: Record<string, string> = {
  accurate: "thông tin chính xác",
  misleading: "thông tin sai lệch",
  false: "thông tin sai sự thật",
  hostile: "thông tin xuyên tạc, thù địch",
};
const ACTIONS: Record<string, string> = {
  press_informed: "cung cấp thông tin cho báo chí",
  article_published: "đăng bài phản bác, làm rõ",
  correction_published: "đề nghị cải chính, gỡ bỏ",
  reported_to_authority: "báo cáo cơ quan có thẩm quyền",
  other: "biện pháp khác",
};

const label = (names: Record<string, string>, key: string) => names[key] ?? key;
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
const sorted = (m: Record<string, number>) =>
  Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const countOf = <T>(list: readonly T[], key: (x: T) => string) => {
  const m: Record<string, number> = {};
  for (const x of list) m[key(x)] = (m[key(x)] ?? 0) + 1;
  return m;
};
/** "2 thông tin sai sự thật, 1 thông tin sai lệch". */
const tally = (m: Record<string, number>, names: Record<string, string>) =>
  sorted(m)
    .map(([k, n]) => `${n} ${label(names, k)}`)
    .join(", ");

/** Whether a case was resolved or closed by the end of the period. */
const isDoneBy = (c: ReportCase, to: string) => c.closedOn !== null && c.closedOn <= to;

function coverageParagraph(f: MonitoringReportFigures): string {
  const period = `Từ ngày ${formatShortDate(f.from)} đến ngày ${formatShortDate(f.to)}`;
  if (f.total === 0)
    return `${period}, hệ thống theo dõi chưa ghi nhận tin, bài đề cập đến thành phố.${ownChannelSentence(f)}`;
  const foreignLanguages = sorted(f.byLanguage).filter(([k]) => k !== "vi");
  const foreign = foreignLanguages.reduce((a, [, n]) => a + n, 0);
  const foreignPress = f.byOutletType.foreign_press ?? 0;
  const parts = [
    `${period}, hệ thống theo dõi ghi nhận ${f.total} tin, bài đề cập đến thành phố trên ${f.outlets} nguồn tin`,
  ];
  const details: string[] = [];
  if (foreign > 0)
    details.push(
      `${foreign} tin, bài bằng tiếng nước ngoài (${foreignLanguages.map(([k, n]) => `${label(LANGUAGES, k)}: ${n}`).join("; ")})`,
    );
  if (foreignPress > 0) details.push(`${foreignPress} tin, bài của báo chí nước ngoài`);
  const social = f.byOutletType.social_media ?? 0;
  if (social > 0) details.push(`${social} tin, bài trên mạng xã hội`);
  const tones = (["positive", "neutral", "negative"] as const)
    .filter((t) => (f.byTone[t] ?? 0) > 0)
    .map((t) => `${f.byTone[t]} tin, bài ${TONES[t]}`);
  return `${parts[0]}${details.length ? `, trong đó ${details.join(", ")}` : ""}.${tones.length ? ` Về sắc thái: ${tones.join(", ")}.` : ""}${ownChannelSentence(f)}`;
}

function casesParagraph(f: MonitoringReportFigures): string {
  const opened = f.cases.filter((c) => c.isOpenedInPeriod);
  const closed = f.cases.filter((c) => c.isClosedInPeriod);
  const pending = f.cases.filter((c) => !isDoneBy(c, f.to));
  if (f.flaggedFalse === 0 && opened.length === 0 && closed.length === 0)
    return pending.length > 0
      ? `Trong kỳ không phát sinh tin, bài có dấu hiệu sai lệch mới; đang tiếp tục xử lý ${pending.length} trường hợp từ kỳ trước.`
      : "Trong kỳ chưa phát hiện tin, bài có dấu hiệu sai lệch, xuyên tạc về thành phố.";
  const worked = f.cases.filter((c) => c.isOpenedInPeriod || c.isClosedInPeriod);
  const actions: Record<string, number> = {};
  for (const c of worked) for (const a of c.actions) actions[a.kind] = (actions[a.kind] ?? 0) + 1;
  const sentences = [
    `Đã phát hiện ${f.flaggedFalse} tin, bài có dấu hiệu sai lệch, xuyên tạc (được hệ thống đánh dấu cần kiểm tra); mở ${opened.length} hồ sơ xử lý${
      opened.length
        ? ` (${tally(
            countOf(opened, (c) => c.assessment),
            ASSESSMENTS,
          )})`
        : ""
    }, xử lý xong ${closed.length} trường hợp${pending.length ? `, đang tiếp tục xử lý ${pending.length} trường hợp` : ""}.`,
  ];
  const rebutted = worked.filter((c) => (c.rebuttals?.published ?? 0) > 0);
  if (rebutted.length > 0)
    sentences.push(
      `Đã đăng tải ${rebutted.reduce((a, c) => a + (c.rebuttals?.published ?? 0), 0)} bài phản bác trên Cổng Thông tin đối ngoại cho ${rebutted.length} hồ sơ (${rebutted.reduce((a, c) => a + (c.rebuttals?.views ?? 0), 0)} lượt xem).`,
    );
  if (Object.keys(actions).length > 0)
    sentences.push(
      `Biện pháp đã thực hiện: ${sorted(actions)
        .map(([k, n]) => `${label(ACTIONS, k)} (${n} lượt)`)
        .join(", ")}.`,
    );
  return sentences.join(" ");
}

/** "đăng tải 2 bài phản bác bằng 3 ngôn ngữ trên Cổng Thông tin đối ngoại (120 lượt xem)"; empty without any published. */
function rebuttalClause(c: ReportCase): string {
  const r = c.rebuttals;
  if (!r || r.published === 0) return "";
  return `đăng tải ${r.published} bài phản bác bằng ${r.languages} ngôn ngữ trên Cổng Thông tin đối ngoại (${r.views} lượt xem)`;
}

/** The city's own channels, said apart so that they never read as press coverage. */
function ownChannelSentence(f: MonitoringReportFigures): string {
  const own = f.ownChannel;
  if (!own || own.total === 0) return "";
  const langs = sorted(own.byLanguage);
  return ` Ngoài ra, các kênh thông tin của thành phố (Cổng Thông tin đối ngoại) đăng ${own.total} tin, bài bằng ${langs.length} ngôn ngữ; số này không tính vào số liệu báo chí trong nước và nước ngoài nêu trên.`;
}

/** One line per case: title, assessment, state at the end of the period, actions, outcome if dealt with by then. */
export function caseLine(c: ReportCase, to: string): string {
  const isDone = isDoneBy(c, to);
  const state = isDone ? `đã xử lý ngày ${formatShortDate(c.closedOn as string)}` : "đang xử lý";
  const actions = [...new Set(c.actions.map((a) => label(ACTIONS, a.kind)))];
  return [
    `“${c.title || "(không tiêu đề)"}” – ${label(ASSESSMENTS, c.assessment)}, mở ngày ${formatShortDate(c.openedOn)}, ${state}`,
    actions.length ? `biện pháp: ${actions.join(", ")}` : "",
    // An outcome reached after the period belongs to the next report.
    isDone && c.outcome?.trim() ? `kết quả: ${c.outcome.trim().replace(/[.;,\s]+$/, "")}` : "",
    rebuttalClause(c),
  ]
    .filter(Boolean)
    .join("; ")
    .concat(".");
}

const MAX_BULLETS = 10;

function coverageTable(f: MonitoringReportFigures): CoverageTableRow[] {
  const rows: CoverageTableRow[] = [];
  const group = (
    title: string,
    m: Record<string, number>,
    name: (k: string) => string,
    remainder: boolean,
  ) => {
    const all = sorted(m);
    if (all.length === 0) return;
    rows.push({ label: title, count: null });
    const shown = all.slice(0, 5);
    for (const [k, n] of shown) rows.push({ label: capitalize(name(k)), count: n });
    const rest = all.slice(5).reduce((a, [, n]) => a + n, 0);
    if (remainder && rest > 0) rows.push({ label: "Khác", count: rest });
  };
  group("Theo ngôn ngữ", f.byLanguage, (k) => label(LANGUAGES, k), true);
  group("Theo quốc gia của nguồn tin", f.byCountry, (k) => label(COUNTRIES, k), true);
  group("Theo loại nguồn tin", f.byOutletType, (k) => label(OUTLET_TYPES, k), true);
  group("Theo sắc thái", f.byTone, (k) => label(TONES, k), true);
  // An item may have several topics or none: no "other" row, shares do not add up to 100.
  group("Theo chủ đề", f.byTopic, (k) => f.topicNames[k] ?? k, false);
  return rows;
}

/** The report's monitoring section for the figures of its period. */
export function monitoringSection(f: MonitoringReportFigures): MonitoringSection {
  const hasData = f.total > 0 || f.flaggedFalse > 0 || f.cases.length > 0;
  if (!hasData)
    return { heading: MONITORING_HEADING, paragraphs: [NO_MONITORING_DATA], table: null, figures: f };
  const paragraphs = [coverageParagraph(f)];
  if (f.topOutlets.length > 0)
    paragraphs.push(
      `Các nguồn tin đưa tin nhiều nhất: ${f.topOutlets
        .slice(0, 5)
        .map((o) => `${o.name} (${o.count} tin, bài)`)
        .join("; ")}.`,
    );
  paragraphs.push(casesParagraph(f));
  const worked = f.cases.filter((c) => c.isOpenedInPeriod || c.isClosedInPeriod);
  const bullets = worked.slice(0, MAX_BULLETS).map((c) => caseLine(c, f.to));
  if (worked.length > MAX_BULLETS)
    bullets.push(`Và ${worked.length - MAX_BULLETS} trường hợp khác (xem phụ lục).`);
  return {
    heading: MONITORING_HEADING,
    paragraphs,
    ...(bullets.length > 0 && { bullets }),
    table: f.total > 0 ? { rows: coverageTable(f), total: f.total } : null,
    figures: f,
  };
}

/** What a task lists for the response cases linked to it: a summary line, then one line per case. */
export function taskCaseLines(cases: readonly ReportCase[], to: string): string[] {
  if (cases.length === 0) return [];
  const done = cases.filter((c) => isDoneBy(c, to)).length;
  return [
    `Tiếp nhận ${cases.length} hồ sơ xử lý thông tin (${tally(
      countOf(cases, (c) => c.assessment),
      ASSESSMENTS,
    )}); đã xử lý xong ${done}, đang xử lý ${cases.length - done}.`,
    ...cases.map((c) => caseLine(c, to)),
  ];
}

/** Display names for the annex sheet. */
export const MONITORING_LABELS = {
  languages: LANGUAGES,
  countries: COUNTRIES,
  outletTypes: OUTLET_TYPES,
  tones: TONES,
  assessments: ASSESSMENTS,
  actions: ACTIONS,
};
