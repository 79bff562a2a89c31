/** A value an export cell can hold. */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * One column of a list export.
 *
 * @example { header: "Nhiệm vụ", value: (t) => t.text, width: 60 }
 */
export interface ExportColumn<Row> {
  /** Header text (Vietnamese for users). */
  header: string;
  /** The cell of a row; arrays are joined with "; ". */
  value: (row: Row) => CellValue | readonly CellValue[];
  /** Width in characters (XLSX only). */
  width?: number;
  /** Excel number format (XLSX only), e.g. "dd/mm/yyyy" or "0.0". */
  numFmt?: string;
}

/** A cell's value with arrays joined. */
export function cellValue<Row>(column: ExportColumn<Row>, row: Row): CellValue {
  const v = column.value(row);
  if (Array.isArray(v))
    return v
      .filter((x) => x !== null && x !== undefined && x !== "")
      .map(String)
      .join("; ");
  return v as CellValue;
}
