/**
 * Coverage statistics: counts by day/week/month × language × country × outlet type × topic × tone, and
 * `coverageFigures(db, from, to)` — the totals other modules' reports quote ("N articles, of which M in
 * foreign languages…").
 */
import type { DbOrTrx } from "../../../platform/db/database.js";
import { createStatsRepository, type StatsRepository } from "./stats.repository.js";

export type Granularity = "day" | "week" | "month";
export type Dimension = "language" | "country" | "outletType" | "tone" | "topic";

/** ISO week ("2024-W11") of a calendar day. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow + 3); // Thursday of the week decides the year
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((d.getTime() - yearStart.getTime()) / 86_400_000 - 3 + ((yearStart.getUTCDay() + 6) % 7)) / 7,
    );
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export function periodOf(day: string, granularity: Granularity): string {
  return granularity === "day" ? day : granularity === "month" ? day.slice(0, 7) : isoWeek(day);
}

export interface CoverageRow {
  period: string;
  key: string;
  count: number;
}

/** Counts per period for one dimension (topic counts an item once per topic). */
export async function coverageSeries(
  repo: StatsRepository,
  db: DbOrTrx,
  range: { from: string; to: string; granularity: Granularity; dimension: Dimension },
): Promise<CoverageRow[]> {
  const acc = new Map<string, number>();
  const add = (period: string, key: string, n: number) => {
    const k = `${period}\u0000${key}`;
    acc.set(k, (acc.get(k) ?? 0) + n);
  };
  if (range.dimension === "topic") {
    for (const r of await repo.byDayTopic(db, range.from, range.to))
      add(periodOf(r.day, range.granularity), r.topic, r.n);
  } else {
    const field = range.dimension === "outletType" ? "outlet_type" : range.dimension;
    for (const r of await repo.byDay(db, range.from, range.to))
      add(periodOf(r.day, range.granularity), r[field], r.n);
  }
  return [...acc]
    .map(([k, count]) => {
      const [period, key] = k.split("\u0000") as [string, string];
      return { period, key, count };
    })
    .sort((a, b) => a.period.localeCompare(b.period) || b.count - a.count);
}

/** Totals for a report period (days inclusive, Asia/Ho_Chi_Minh). */
export interface CoverageFigures {
  from: string;
  to: string;
  total: number;
  byLanguage: Record<string, number>;
  byCountry: Record<string, number>;
  byOutletType: Record<string, number>;
  byTone: Record<string, number>;
  byTopic: Record<string, number>;
  foreignLanguage: number;
  foreignPress: number;
  /** The city's own channels (the portal's feeds), never part of the totals above. */
  ownChannel: { total: number; byLanguage: Record<string, number> };
}

/**
 * The figures a semi-annual or annual report quotes about media coverage.
 *
 * @example const f = await coverageFigures(db, "2023-12-15", "2024-06-14"); f.byLanguage.en
 */
export async function coverageFigures(db: DbOrTrx, from: string, to: string): Promise<CoverageFigures> {
  const repo = createStatsRepository();
  const figures: CoverageFigures = {
    from,
    to,
    total: 0,
    byLanguage: {},
    byCountry: {},
    byOutletType: {},
    byTone: {},
    byTopic: {},
    foreignLanguage: 0,
    foreignPress: 0,
    ownChannel: { total: 0, byLanguage: {} },
  };
  const inc = (m: Record<string, number>, k: string, n: number) => {
    m[k] = (m[k] ?? 0) + n;
  };
  for (const r of await repo.byDay(db, from, to)) {
    figures.total += r.n;
    inc(figures.byLanguage, r.language, r.n);
    inc(figures.byCountry, r.country, r.n);
    inc(figures.byOutletType, r.outlet_type, r.n);
    inc(figures.byTone, r.tone, r.n);
    if (r.language !== "vi") figures.foreignLanguage += r.n;
    if (r.outlet_type === "foreign_press") figures.foreignPress += r.n;
  }
  for (const r of await repo.byDayTopic(db, from, to)) inc(figures.byTopic, r.topic, r.n);
  for (const r of await repo.ownChannelByLanguage(db, from, to)) {
    figures.ownChannel.total += r.n;
    inc(figures.ownChannel.byLanguage, r.language, r.n);
  }
  return figures;
}
