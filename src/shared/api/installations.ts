/**
 * Request and response shapes of the visual installations register (pano, màn hình LED, bảng tin cổ
 * động): one source for the server's validation and the OpenAPI document, and for the web client.
 */
import { z } from "zod";
import { PageQuery, PageSchema, SearchText, sortParam } from "./pagination.js";

export const INSTALLATION_KINDS = ["billboard", "led_screen", "panel"] as const;
export const INSTALLATION_STATUSES = ["proposed", "approved", "installed"] as const;
export type InstallationKind = (typeof INSTALLATION_KINDS)[number];
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];

/** Districts of Hải Phòng (quận, huyện, thành phố thuộc thành phố) as of 1/2025. */
export const HAI_PHONG_DISTRICTS = [
  { code: "hong_bang", name: "Quận Hồng Bàng" },
  { code: "ngo_quyen", name: "Quận Ngô Quyền" },
  { code: "le_chan", name: "Quận Lê Chân" },
  { code: "hai_an", name: "Quận Hải An" },
  { code: "kien_an", name: "Quận Kiến An" },
  { code: "do_son", name: "Quận Đồ Sơn" },
  { code: "duong_kinh", name: "Quận Dương Kinh" },
  { code: "an_duong", name: "Quận An Dương" },
  { code: "thuy_nguyen", name: "Thành phố Thủy Nguyên" },
  { code: "an_lao", name: "Huyện An Lão" },
  { code: "kien_thuy", name: "Huyện Kiến Thụy" },
  { code: "tien_lang", name: "Huyện Tiên Lãng" },
  { code: "vinh_bao", name: "Huyện Vĩnh Bảo" },
  { code: "cat_hai", name: "Huyện Cát Hải" },
  { code: "bach_long_vi", name: "Huyện Bạch Long Vĩ" },
] as const;
export const DISTRICT_CODES = HAI_PHONG_DISTRICTS.map((d) => d.code) as [string, ...string[]];
export const districtName = (code: string) => HAI_PHONG_DISTRICTS.find((d) => d.code === code)?.name ?? code;

const Id = z.string().min(1).max(64);
export const InstallationIdParams = z.object({ id: Id });
export const InstallationPhotoParams = z.object({ id: Id, photoId: Id, size: z.enum(["small", "large"]) });
export const InstallationPhotoIdParams = z.object({ id: Id, photoId: Id });

/**
 * Coordinates and sizes are any number here: the service answers out-of-range values with its own
 * codes (`installation_coordinates_invalid`), in Vietnamese and English.
 */
const Fields = {
  title: z.string().trim().min(1).max(300),
  kind: z.enum(INSTALLATION_KINDS),
  address: z.string().trim().min(1).max(500),
  district: z.string().min(1).max(40),
  latitude: z.number().nullable().optional(),
  longitude: z.number().nullable().optional(),
  widthM: z.number().nullable().optional(),
  heightM: z.number().nullable().optional(),
  themes: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  status: z.enum(INSTALLATION_STATUSES).default("proposed"),
  installedOn: z.iso.date().nullable().optional(),
  unitId: Id.nullable().optional(),
};

export const CreateInstallationBody = z.strictObject(Fields);
export type CreateInstallationBody = z.infer<typeof CreateInstallationBody>;

export const UpdateInstallationBody = z.strictObject({
  title: Fields.title.optional(),
  kind: Fields.kind.optional(),
  address: Fields.address.optional(),
  district: Fields.district.optional(),
  latitude: Fields.latitude,
  longitude: Fields.longitude,
  widthM: Fields.widthM,
  heightM: Fields.heightM,
  themes: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  status: z.enum(INSTALLATION_STATUSES).optional(),
  installedOn: Fields.installedOn,
  unitId: Fields.unitId,
});
export type UpdateInstallationBody = z.infer<typeof UpdateInstallationBody>;

export const InstallationListQuery = PageQuery.extend({
  q: SearchText,
  kind: z.enum(INSTALLATION_KINDS).optional(),
  status: z.enum(INSTALLATION_STATUSES).optional(),
  district: z.string().max(40).optional(),
  sort: sortParam(["title", "district", "status", "updatedAt"]),
});
export type InstallationListQuery = z.infer<typeof InstallationListQuery>;

export const InstallationExportQuery = InstallationListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

export const InstallationPhotoSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  caption: z.string().nullable(),
  width: z.number(),
  height: z.number(),
  smallPath: z.string(),
  largePath: z.string(),
  createdAt: z.string(),
});

export const InstallationSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(INSTALLATION_KINDS),
  address: z.string(),
  district: z.string(),
  districtName: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  widthM: z.number().nullable(),
  heightM: z.number().nullable(),
  themes: z.array(z.string()),
  status: z.enum(INSTALLATION_STATUSES),
  installedOn: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  photoCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const InstallationDetailSchema = InstallationSchema.extend({
  photos: z.array(InstallationPhotoSchema),
  /** Whether the caller may edit it (secretariat, or a lead of a task it is attached to). */
  canEdit: z.boolean(),
});
export const InstallationPageSchema = PageSchema(InstallationSchema);

export const AddInstallationPhotoBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  caption: z.string().trim().max(500).nullable().optional(),
  /** The image (JPEG, PNG or WebP), base64-encoded. */
  contentBase64: z.string().min(1),
});

export const DistrictListSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});

export type InstallationDto = z.infer<typeof InstallationSchema>;
export type InstallationDetail = z.infer<typeof InstallationDetailSchema>;
export type InstallationPhoto = z.infer<typeof InstallationPhotoSchema>;

/** An XLSX workbook to import (the export's columns), base64-encoded. */
export const InstallationImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(20_000_000),
});
export const InstallationImportResultSchema = z.object({ imported: z.number() });
