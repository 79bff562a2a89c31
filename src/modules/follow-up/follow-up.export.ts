/** Sends a list as JSON, CSV or XLSX (`?format=`), with a Vietnamese file name. */
import type { FastifyReply } from "fastify";
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";

export type ListFormat = "json" | "csv" | "xlsx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function sendList<Row>(
  reply: FastifyReply,
  format: ListFormat,
  input: {
    rows: readonly Row[];
    columns: readonly ExportColumn<Row>[];
    filename: string;
    json: () => unknown;
  },
) {
  if (format === "json") return reply.send(input.json());
  const disposition = (ext: string) =>
    `attachment; filename="${input.filename}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${input.filename}.${ext}`)}`;
  if (format === "csv") {
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", disposition("csv"))
      .send(toCsv(input.rows, input.columns));
  }
  const xlsx = await toXlsx(input.rows, input.columns, { sheetName: input.filename.slice(0, 31) });
  return reply.type(XLSX_TYPE).header("content-disposition", disposition("xlsx")).send(xlsx);
}
