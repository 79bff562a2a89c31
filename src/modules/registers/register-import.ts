/**
 * What the registers' XLSX imports share once the sheet is read: each row's unit named in the directory
 * (by its folded name) and the register's own checks, every failure a problem of its row — so that the
 * caller writes all rows or none (`assertNoProblems`).
 */
import { AppError } from "../../platform/errors.js";
import type { ImportReport } from "../../platform/import-rows/import-rows.js";
import { foldVietnamese } from "../../shared/text/fold.js";

export function rowsWithUnits<V extends { unit?: string | null | undefined }, R>(
  report: ImportReport<V>,
  options: {
    /** Units of the directory. */
    units: readonly { id: string; name: string }[];
    /** The unit column's header, and the problem's code when no unit has that name. */
    unitColumn: string;
    unitCode: string;
    /** Builds (and checks) the row to insert; an `AppError` becomes the row's problem. */
    build: (value: V, unitId: string | null) => R;
  },
): R[] {
  const units = new Map(options.units.map((u) => [foldVietnamese(u.name), u.id]));
  const rows: R[] = [];
  for (const { row, value } of report.rows) {
    const unitId = value.unit ? units.get(foldVietnamese(value.unit)) : undefined;
    if (value.unit && !unitId) {
      report.problems.push({
        row,
        column: options.unitColumn,
        code: options.unitCode,
        message: {
          vi: `Dòng ${row}, cột "${options.unitColumn}": không có đơn vị "${value.unit}" trong danh bạ`,
          en: `Row ${row}, column "${options.unitColumn}": no unit "${value.unit}" in the directory`,
        },
      });
      continue;
    }
    try {
      rows.push(options.build(value, unitId ?? null));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.problems.push({
        row,
        column: null,
        code: err.code,
        message: { vi: `Dòng ${row}: ${err.messageVi}`, en: `Row ${row}: ${err.messageEn}` },
      });
    }
  }
  return rows;
}
