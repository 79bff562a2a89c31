/**
 * Importing delegations from an XLSX sheet filled in by hand (the export's columns): every row is checked
 * (dates, end ≥ start, known country, direction and channel in words or codes) and reported by its Excel
 * row number; only a sheet without a bad row is inserted, in one transaction.
 */
import { z } from "zod";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import { isKnownCountry } from "../../shared/api/countries.js";
import type { CreateDelegationBody } from "../../shared/api/delegations.js";
import { foldVietnamese } from "../../shared/text/fold.js";

export const DELEGATION_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "title", header: "Tên đoàn", required: true },
  { key: "direction", header: "Loại", aliases: ["Đoàn ra/đoàn vào"], required: true },
  { key: "channel", header: "Kênh", required: true },
  { key: "countryCode", header: "Mã quốc gia", required: true },
  { key: "partner", header: "Địa phương, tổ chức đối tác", aliases: ["Đối tác"] },
  { key: "level", header: "Cấp" },
  { key: "head", header: "Trưởng đoàn" },
  { key: "startDate", header: "Từ ngày", required: true },
  { key: "endDate", header: "Đến ngày", required: true },
  { key: "itinerary", header: "Lịch trình" },
];

/** A word or code → one of the allowed values (accents and case ignored). */
function choice<const T extends string>(values: Record<string, T>, what: string) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const hit = values[foldVietnamese(String(v))];
    if (!hit) ctx.addIssue({ code: "custom", message: `${what} không hợp lệ: "${v}"` });
    return hit as T;
  });
}

const text = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v) => (v === null ? null : String(v).trim() || null));
const required = (what: string) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const s = String(v).trim();
    if (!s) ctx.addIssue({ code: "custom", message: `Thiếu ${what}` });
    return s;
  });
/** A date cell: a real date (read as YYYY-MM-DD), or text written dd/mm/yyyy or yyyy-mm-dd. */
export const importedDay = z
  .union([z.string(), z.number()])
  .transform((v) => {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(String(v).trim());
    return m ? `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}` : String(v).trim();
  })
  .pipe(z.iso.date({ message: "Ngày không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)" }));
const day = importedDay;

export const ImportedDelegation = z
  .object({
    title: required("tên đoàn").pipe(z.string().max(300)),
    direction: choice(
      {
        "doan ra": "outbound",
        outbound: "outbound",
        ra: "outbound",
        "doan vao": "inbound",
        inbound: "inbound",
        vao: "inbound",
      },
      "Loại đoàn",
    ),
    channel: choice(
      {
        dang: "party",
        party: "party",
        "chinh quyen": "government",
        government: "government",
        "doi ngoai nhan dan": "people",
        people: "people",
      },
      "Kênh",
    ),
    countryCode: required("mã quốc gia").transform((v, ctx) => {
      const code = v.toUpperCase();
      if (!isKnownCountry(code))
        ctx.addIssue({ code: "custom", message: `Mã quốc gia không có trong danh mục: "${v}"` });
      return code;
    }),
    partner: text,
    level: text,
    head: text,
    startDate: day,
    endDate: day,
    itinerary: text,
  })
  .superRefine((row, ctx) => {
    if (row.endDate < row.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Ngày kết thúc trước ngày bắt đầu" });
  })
  .transform(
    (row): CreateDelegationBody => ({
      title: row.title,
      direction: row.direction,
      channel: row.channel,
      countryCode: row.countryCode,
      partner: row.partner,
      level: row.level,
      head: row.head ? { name: row.head, personId: null, title: null } : null,
      members: [],
      startDate: row.startDate,
      endDate: row.endDate,
      itinerary: (row.itinerary ?? "")
        .split(/;|\n/)
        .map((s) => s.trim())
        .filter(Boolean),
      informationPlan: { pressRelease: false, photos: false, interviews: false, languages: [] },
      authorisation: null,
      agreements: [],
    }),
  );
