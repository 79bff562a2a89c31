/** Press visit rows → API shapes; reporters' names only for those who may read personal data. */
import { countryNameVi } from "../../shared/api/countries.js";
import type { PressVisitDto, PressVisitListItem } from "../../shared/api/press-visits.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { ReporterFacts } from "./press-visits.repository.js";
import type { PressReporterTable, PressVisitTable } from "./press-visits.tables.js";

const lines = (json: string): string[] => (JSON.parse(json) as string[] | null) ?? [];

/** Distinct outlets (first spelling kept) and country codes of some reporters. */
export function outletsAndCountries(reporters: readonly Pick<ReporterFacts, "outlet" | "country_code">[]) {
  const outlets = new Map<string, string>();
  const countries = new Set<string>();
  for (const r of reporters) {
    const key = foldVietnamese(r.outlet);
    if (!outlets.has(key)) outlets.set(key, r.outlet);
    countries.add(r.country_code);
  }
  return { outlets: [...outlets.values()], countries: [...countries].sort() };
}

/** Reporter facts by visit id. */
export function groupByVisit<T extends { visit_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.visit_id);
    if (list) list.push(r);
    else out.set(r.visit_id, [r]);
  }
  return out;
}

export const retentionEndOf = (endDate: string, retentionDays: number) =>
  new Date(Date.parse(`${endDate}T00:00:00Z`) + retentionDays * 86_400_000).toISOString().slice(0, 10);

export function presentPressVisit(
  row: PressVisitTable,
  reporters: PressReporterTable[],
  options: { showsPersonalData: boolean; retentionDays: number },
): PressVisitDto {
  const shows = options.showsPersonalData && row.personal_erased_at === null;
  const { outlets, countries } = outletsAndCountries(reporters);
  return {
    id: row.id,
    groupName: row.group_name,
    startDate: row.start_date,
    endDate: row.end_date,
    approval:
      row.approval_number && row.approval_date
        ? { number: row.approval_number, date: row.approval_date, authority: row.approval_authority }
        : null,
    programme: lines(row.programme_json),
    escorts: lines(row.escorts_json),
    topics: lines(row.topics_json),
    materials: lines(row.materials_json),
    reporters: reporters.map((r) => ({
      name: shows ? r.name : null,
      role: shows ? r.role : null,
      outlet: r.outlet,
      sourceId: r.source_id,
      countryCode: r.country_code,
      countryName: countryNameVi(r.country_code),
    })),
    peopleCount: reporters.length,
    outlets,
    countries,
    showsPersonalData: shows,
    personalErasedAt: row.personal_erased_at,
    retentionEndsOn: retentionEndOf(row.end_date, options.retentionDays),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit journal keeps of a visit: never the reporters' names. */
export function pressVisitSnapshot(row: PressVisitTable, reporters: PressReporterTable[]) {
  const {
    reporters: _r,
    showsPersonalData: _s,
    retentionEndsOn: _e,
    ...rest
  } = presentPressVisit(row, reporters, { showsPersonalData: false, retentionDays: 0 });
  return rest;
}

export function presentPressVisitListItem(
  row: PressVisitTable,
  reporters: readonly ReporterFacts[],
  articleCount: number,
): PressVisitListItem {
  const { outlets, countries } = outletsAndCountries(reporters);
  return {
    id: row.id,
    groupName: row.group_name,
    startDate: row.start_date,
    endDate: row.end_date,
    peopleCount: reporters.length,
    outlets,
    countries,
    articleCount,
  };
}
