/**
 * What a register (sổ theo dõi: delegations, press visits, partners, courses, budget items, visual
 * installations, portal articles…) tells the rest of the platform about its entries: how to name
 * them on a task page, how to find them for the "attach to a task" picker, and what the semi-annual
 * and annual reports say of them. Each register module exports one `RegisterKind`; `main.ts` lists them.
 */
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import type { CellValue } from "../../platform/export/index.js";

/** One entry as other pages show it. */
export interface RegisterEntrySummary {
  id: string;
  /** e.g. "Đoàn công tác của Thành ủy thăm Kobe (Nhật Bản)". */
  title: string;
  /** The entry's main date (YYYY-MM-DD), when it has one. */
  date: string | null;
  /** Path of the entry in the web app, e.g. "/delegations/ID". */
  path: string;
}

/** The register's sheet in a report's XLSX annex. */
export interface RegisterSheet {
  /** At most 31 characters (Excel's limit). */
  name: string;
  columns: { header: string; width?: number; numFmt?: string }[];
  rows: CellValue[][];
}

/** What a report says of a register for its period. */
export interface RegisterFigures {
  kind: string;
  /** Heading of the register's part of the report, e.g. "Đoàn ra, đoàn vào". */
  heading: string;
  /** Sentences in the committee's words, e.g. "Trong kỳ, đón 10 đoàn phóng viên nước ngoài với 198 lượt phóng viên…". */
  sentences: string[];
  sheet: RegisterSheet;
}

export interface RegisterKind {
  /** snake_case, stable: stored in `task_record_links.record_kind`. */
  kind: string;
  label: { vi: string; en: string };
  /** Entries by id; ids not found (deleted entries) are absent from the map. */
  summaries(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, RegisterEntrySummary>>;
  /** The register's figures for a report period [from, to] (YYYY-MM-DD, both included). */
  figures(db: Db, period: { from: string; to: string }): Promise<RegisterFigures>;
  /** Up to `limit` entries matching `query` (accent-insensitive; empty = most recent first). */
  search(db: Db, query: string, limit: number): Promise<RegisterEntrySummary[]>;
}

/** The registers installed in this process, by kind. */
export function registerKindsByName(kinds: readonly RegisterKind[]): Map<string, RegisterKind> {
  const out = new Map<string, RegisterKind>();
  for (const k of kinds) {
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(k.kind))
      throw new Error(`register kind "${k.kind}" is not snake_case`);
    if (out.has(k.kind)) throw new Error(`register kind "${k.kind}" is listed twice`);
    out.set(k.kind, k);
  }
  return out;
}

/** A sheet's column headings, widths and number formats from a register's export columns. */
export function sheetColumns(
  columns: readonly { header: string; width?: number | undefined; numFmt?: string | undefined }[],
): RegisterSheet["columns"] {
  return columns.map((c) => ({
    header: c.header,
    ...(c.width !== undefined && { width: c.width }),
    ...(c.numFmt !== undefined && { numFmt: c.numFmt }),
  }));
}

/**
 * A register whose repository finds entries by id, lists a period's entries for the report, and pages
 * a search most recently changed first (budget proposals, visual installations): what it names, says
 * and sheets differs, the rest is the same.
 */
export function listedRegisterKind<Row>(spec: {
  kind: string;
  label: { vi: string; en: string };
  heading: string;
  sheetName: string;
  repository: {
    findMany(db: DbOrTrx, ids: readonly string[]): Promise<Row[]>;
    all(db: DbOrTrx, filter: { from: string; to: string }): Promise<Row[]>;
    list(
      db: DbOrTrx,
      filter: { q?: string | undefined },
      page: { limit: number; offset: number; sort: "updatedAt"; direction: "desc" },
    ): Promise<{ rows: Row[] }>;
  };
  summary(row: Row): RegisterEntrySummary;
  /** The report's sentence about the period's entries. */
  sentence(rows: Row[]): string;
  columns: readonly { header: string; width?: number | undefined; numFmt?: string | undefined }[];
  sheetRows(rows: Row[]): CellValue[][];
}): RegisterKind {
  const { repository } = spec;
  return {
    kind: spec.kind,
    label: spec.label,

    async summaries(db, ids) {
      const rows = await repository.findMany(db, ids);
      return new Map(
        rows.map((r) => {
          const s = spec.summary(r);
          return [s.id, s];
        }),
      );
    },

    async figures(db, period) {
      const rows = await repository.all(db, { from: period.from, to: period.to });
      return {
        kind: spec.kind,
        heading: spec.heading,
        sentences: [spec.sentence(rows)],
        sheet: { name: spec.sheetName, columns: sheetColumns(spec.columns), rows: spec.sheetRows(rows) },
      };
    },

    async search(db, query, limit) {
      const { rows } = await repository.list(
        db,
        { q: query || undefined },
        { limit, offset: 0, sort: "updatedAt", direction: "desc" },
      );
      return rows.map(spec.summary);
    },
  };
}
