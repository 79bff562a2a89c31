/**
 * Training courses and award entries as the rest of the platform sees them: entries on task pages, and the
 * report's sentences "Trong kỳ, tổ chức 3 lớp bồi dưỡng với 245 lượt học viên" and "6 tác phẩm dự Giải,
 * 2 tác phẩm đạt giải" with their annex sheets.
 */
import type { Db } from "../../platform/db/database.js";
import type { AwardResult } from "../../shared/api/training.js";
import { formatDayVi } from "../events/events.presenter.js";
import type { RegisterEntrySummary, RegisterFigures, RegisterKind } from "../registers/register-kinds.js";
import { createAwardsRepository } from "./awards.repository.js";
import { awardColumns, courseColumns } from "./training.export.js";
import { AWARD_RESULT_LABELS, AWARDED_RESULTS } from "./training.presenter.js";
import { type CourseRow, createTrainingRepository } from "./training.repository.js";
import type { AwardEntryTable } from "./training.tables.js";

const courses = createTrainingRepository();
const awards = createAwardsRepository();

const sheetColumns = (columns: { header: string; width?: number }[]) =>
  columns.map((c) => ({
    header: c.header.split(" / ")[0] ?? c.header,
    ...(c.width !== undefined && { width: c.width }),
  }));

const courseSummary = (c: CourseRow): RegisterEntrySummary => ({
  id: c.id,
  title: `${c.title} (${formatDayVi(c.start_date)}${c.end_date !== c.start_date ? ` – ${formatDayVi(c.end_date)}` : ""})`,
  date: c.start_date,
  path: `/training/courses/${c.id}`,
});

const awardSummary = (a: AwardEntryTable): RegisterEntrySummary => ({
  id: a.id,
  title: `${a.title} – ${a.authors} (${a.round}, ${a.year})`,
  date: a.submitted_on,
  path: `/training/awards/${a.id}`,
});

/** "Trong kỳ, tổ chức 3 lớp bồi dưỡng với 245 lượt học viên." */
export function coursesSentence(rows: readonly CourseRow[]): string {
  if (rows.length === 0) return "Trong kỳ, chưa tổ chức lớp bồi dưỡng nào.";
  const attended = rows.reduce((s, r) => s + Number(r.attended_count ?? 0), 0);
  return `Trong kỳ, tổ chức ${rows.length} lớp bồi dưỡng với ${attended} lượt học viên.`;
}

/** "Trong kỳ, có 6 tác phẩm dự Giải …, 2 tác phẩm đạt giải (1 Giải A, 1 Giải Khuyến khích)." */
export function awardsSentence(rows: readonly AwardEntryTable[]): string {
  if (rows.length === 0) return "Trong kỳ, chưa có tác phẩm dự Giải thưởng toàn quốc về thông tin đối ngoại.";
  const awarded = rows.filter((r) => AWARDED_RESULTS.includes(r.result as AwardResult));
  const byResult = AWARDED_RESULTS.map((r) => [r, awarded.filter((a) => a.result === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${AWARD_RESULT_LABELS[r]}`);
  return (
    `Trong kỳ, có ${rows.length} tác phẩm dự Giải thưởng toàn quốc về thông tin đối ngoại, ` +
    `${awarded.length} tác phẩm đạt giải${byResult.length ? ` (${byResult.join(", ")})` : ""}.`
  );
}

export const trainingCoursesKind: RegisterKind = {
  kind: "training_course",
  label: { vi: "Lớp bồi dưỡng", en: "Training courses" },
  async summaries(db: Db, ids: readonly string[]) {
    return new Map((await courses.byIds(db, ids)).map((r) => [r.id, courseSummary(r)]));
  },
  async figures(db: Db, period: { from: string; to: string }): Promise<RegisterFigures> {
    // Courses overlapping the period (a course never ends before it starts), counted in it when they start in it.
    const rows = (await courses.all(db, { from: period.from, to: period.to })).filter(
      (c) => c.start_date >= period.from && c.start_date <= period.to,
    );
    return {
      kind: "training_course",
      heading: "Bồi dưỡng kiến thức, kỹ năng thông tin đối ngoại",
      sentences: [coursesSentence(rows)],
      sheet: {
        name: "Lớp bồi dưỡng",
        columns: sheetColumns(courseColumns),
        rows: rows.map((r) =>
          courseColumns.map((c) => {
            const v = c.value(r);
            return Array.isArray(v) ? v.join("; ") : (v as string | number);
          }),
        ),
      },
    };
  },
  async search(db: Db, query: string, limit: number) {
    const { rows } = await courses.page(db, { q: query || undefined }, limit, 0);
    return rows.map(courseSummary);
  },
};

export const awardEntriesKind: RegisterKind = {
  kind: "award_entry",
  label: { vi: "Tác phẩm dự Giải thông tin đối ngoại", en: "External-information award entries" },
  async summaries(db: Db, ids: readonly string[]) {
    return new Map((await awards.byIds(db, ids)).map((r) => [r.id, awardSummary(r)]));
  },
  async figures(db: Db, period: { from: string; to: string }): Promise<RegisterFigures> {
    const rows = await awards.inPeriod(db, period.from, period.to);
    return {
      kind: "award_entry",
      heading: "Giải thưởng toàn quốc về thông tin đối ngoại",
      sentences: [awardsSentence(rows)],
      sheet: {
        name: "Giải thông tin đối ngoại",
        columns: sheetColumns(awardColumns),
        rows: rows.map((r) => awardColumns.map((c) => c.value(r) as string | number)),
      },
    };
  },
  async search(db: Db, query: string, limit: number) {
    const { rows } = await awards.page(db, { q: query || undefined }, limit, 0);
    return rows.map(awardSummary);
  },
};
