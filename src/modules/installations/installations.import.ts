/**
 * Importing installations from an XLSX sheet filled in by hand (the export's columns): the type,
 * status and district in words (or codes), coordinates as numbers, the size as "12 × 6 m", themes
 * separated by ";"; every row checked and reported by its Excel row number, nothing half-written.
 */
import { z } from "zod";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import {
  HAI_PHONG_DISTRICTS,
  type InstallationKind,
  type InstallationStatus,
} from "../../shared/api/installations.js";
import { foldVietnamese } from "../../shared/text/fold.js";

export const INSTALLATION_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "title", header: "Tên công trình", required: true },
  { key: "kind", header: "Loại", required: true },
  { key: "address", header: "Địa chỉ", required: true },
  { key: "district", header: "Quận, huyện", aliases: ["Quận/huyện"], required: true },
  { key: "latitude", header: "Vĩ độ" },
  { key: "longitude", header: "Kinh độ" },
  { key: "size", header: "Kích thước" },
  { key: "themes", header: "Chủ đề" },
  { key: "status", header: "Trạng thái" },
  { key: "installedOn", header: "Ngày lắp đặt" },
  { key: "unit", header: "Đơn vị" },
];

function choice<const T extends string>(values: Record<string, T>, what: string, fallback?: T) {
  return z
    .union([z.string(), z.number()])
    .nullable()
    .transform((v, ctx) => {
      if (v === null && fallback) return fallback;
      const hit = v === null ? undefined : values[foldVietnamese(String(v))];
      if (!hit) ctx.addIssue({ code: "custom", message: `${what} không hợp lệ: "${v ?? ""}"` });
      return hit as T;
    });
}

const KINDS: Record<string, InstallationKind> = {
  pano: "billboard",
  billboard: "billboard",
  "man hinh led": "led_screen",
  led: "led_screen",
  led_screen: "led_screen",
  "bang tin, khau hieu": "panel",
  "bang tin": "panel",
  panel: "panel",
};
const STATUSES: Record<string, InstallationStatus> = {
  "de xuat": "proposed",
  proposed: "proposed",
  "duoc duyet": "approved",
  "da duyet": "approved",
  approved: "approved",
  "da lap dat": "installed",
  installed: "installed",
};
/** Districts by full name ("Quận Hải An"), bare name ("Hải An") or code ("hai_an"). */
const DISTRICTS: Record<string, string> = Object.fromEntries(
  HAI_PHONG_DISTRICTS.flatMap((d) => {
    const full = foldVietnamese(d.name);
    const bare = full.replace(/^(quan|huyen|thanh pho)\s+/, "");
    return [
      [full, d.code],
      [bare, d.code],
      [d.code, d.code],
    ];
  }),
);

const text = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v) => (v === null ? null : String(v).trim() || null));
const coordinate = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v, ctx) => {
    if (v === null) return null;
    const n = typeof v === "number" ? v : Number(String(v).replace(",", "."));
    if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: `Toạ độ không hợp lệ: "${v}"` });
    return n;
  });

export const ImportedInstallation = z.object({
  title: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(300)),
  kind: choice(KINDS, "Loại công trình"),
  address: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(500)),
  district: choice(DISTRICTS, "Quận, huyện"),
  latitude: coordinate,
  longitude: coordinate,
  size: text.transform((v, ctx) => {
    if (v === null) return { widthM: null, heightM: null };
    const m = /^(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*m?$/i.exec(v);
    if (!m) {
      ctx.addIssue({ code: "custom", message: `Kích thước cần dạng "12 × 6 m": "${v}"` });
      return { widthM: null, heightM: null };
    }
    return { widthM: Number(m[1]?.replace(",", ".")), heightM: Number(m[2]?.replace(",", ".")) };
  }),
  themes: text.transform((v) =>
    v === null
      ? []
      : v
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .slice(0, 20),
  ),
  status: choice(STATUSES, "Trạng thái", "proposed"),
  installedOn: z.iso.date({ message: "Ngày không hợp lệ (yyyy-mm-dd)" }).nullable(),
  unit: text,
});
export type ImportedInstallation = z.infer<typeof ImportedInstallation>;
