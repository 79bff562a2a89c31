/** Installation rows → API shapes, with the labels an official reads. */
import type {
  InstallationDto,
  InstallationKind,
  InstallationPhoto,
  InstallationStatus,
} from "../../shared/api/installations.js";
import { districtName } from "../../shared/api/installations.js";
import type { InstallationRow } from "./installations.repository.js";
import type { InstallationPhotoTable } from "./installations.tables.js";

export const INSTALLATION_KIND_LABELS: Record<InstallationKind, string> = {
  billboard: "Pano",
  led_screen: "Màn hình LED",
  panel: "Bảng tin, khẩu hiệu",
};

export const INSTALLATION_STATUS_LABELS: Record<InstallationStatus, string> = {
  proposed: "Đề xuất",
  approved: "Được duyệt",
  installed: "Đã lắp đặt",
};

export const themesOf = (row: { themes_json: string }): string[] => {
  const parsed: unknown = JSON.parse(row.themes_json);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
};

export function presentInstallation(row: InstallationRow): InstallationDto {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as InstallationKind,
    address: row.address,
    district: row.district,
    districtName: districtName(row.district),
    latitude: row.latitude,
    longitude: row.longitude,
    widthM: row.width_m,
    heightM: row.height_m,
    themes: themesOf(row),
    status: row.status as InstallationStatus,
    installedOn: row.installed_on,
    unitId: row.unit_id,
    unitName: row.unit_name,
    photoCount: row.photo_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentPhoto(row: InstallationPhotoTable): InstallationPhoto {
  const base = `/api/installations/${row.installation_id}/photos/${row.id}`;
  return {
    id: row.id,
    fileName: row.file_name,
    caption: row.caption,
    width: row.width,
    height: row.height,
    smallPath: `${base}/small`,
    largePath: `${base}/large`,
    createdAt: row.created_at,
  };
}
