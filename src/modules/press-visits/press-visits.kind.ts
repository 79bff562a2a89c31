/**
 * The foreign press visits register as the rest of the platform sees it (task 5 of the programme):
 * entries attached to tasks, and the report's sentence "Trong kỳ, đón 10 đoàn phóng viên nước ngoài với
 * 198 lượt phóng viên của 24 cơ quan báo chí đến từ 6 quốc gia; các cơ quan báo chí này đăng 57 tin, bài
 * về thành phố." Never any reporter's name.
 */
import type { RegisterEntrySummary, RegisterKind } from "../registers/register-kinds.js";
import { pressVisitColumns } from "./press-visits.export.js";
import { groupByVisit, presentPressVisitListItem } from "./press-visits.presenter.js";
import { createPressVisitsRepository } from "./press-visits.repository.js";

const repository = createPressVisitsRepository();

const summary = (row: { id: string; group_name: string; start_date: string }): RegisterEntrySummary => ({
  id: row.id,
  title: row.group_name,
  date: row.start_date,
  path: `/press-visits/${row.id}`,
});

export function pressVisitSentence(t: {
  groups: number;
  people: number;
  outlets: number;
  countries: number;
  articles: number;
}): string {
  if (t.groups === 0) return "Trong kỳ, không có đoàn phóng viên nước ngoài đến làm việc tại thành phố.";
  return (
    `Trong kỳ, đón ${t.groups} đoàn phóng viên nước ngoài với ${t.people} lượt phóng viên của ` +
    `${t.outlets} cơ quan báo chí đến từ ${t.countries} quốc gia; các cơ quan báo chí này đăng ` +
    `${t.articles} tin, bài về thành phố.`
  );
}

export const pressVisitsRegisterKind: RegisterKind = {
  kind: "press_visit",
  label: { vi: "Đoàn phóng viên nước ngoài", en: "Foreign press visits" },

  async summaries(db, ids) {
    const rows = await repository.byIds(db, ids);
    return new Map(rows.map((r) => [r.id, summary(r)]));
  },

  async search(db, query, limit) {
    return (await repository.search(db, query, limit)).map(summary);
  },

  async figures(db, period) {
    const [totals, rows] = await Promise.all([
      repository.periodFacts(db, period.from, period.to),
      repository.startingBetween(db, period.from, period.to),
    ]);
    const ids = rows.map((r) => r.id);
    const [facts, articles] = await Promise.all([
      repository.reporterFacts(db, ids),
      repository.confirmedCounts(db, ids),
    ]);
    const byVisit = groupByVisit(facts);
    const items = rows.map((r) =>
      presentPressVisitListItem(r, byVisit.get(r.id) ?? [], articles.get(r.id) ?? 0),
    );
    return {
      kind: "press_visit",
      heading: "Đoàn phóng viên nước ngoài",
      sentences: [pressVisitSentence(totals)],
      sheet: {
        name: "Đoàn phóng viên nước ngoài",
        columns: pressVisitColumns.map((c) => ({ header: c.header, ...(c.width && { width: c.width }) })),
        rows: items.map((item) =>
          pressVisitColumns.map((c) => {
            const v = c.value(item);
            return Array.isArray(v) ? v.filter(Boolean).join("; ") : (v as string | number | null);
          }),
        ),
      },
    };
  },
};
