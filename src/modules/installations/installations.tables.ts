/** Tables of the visual installations register (pano, màn hình LED, bảng tin cổ động) and their photos. */

export interface InstallationTable {
  id: string;
  title: string;
  /** Folded title, address and themes for accent-insensitive search. */
  folded_text: string;
  /** billboard | led_screen | panel */
  kind: string;
  address: string;
  /** Code of a district of Hải Phòng (see `HAI_PHONG_DISTRICTS`). */
  district: string;
  latitude: number | null;
  longitude: number | null;
  width_m: number | null;
  height_m: number | null;
  /** JSON array of themes ("Kỷ niệm 70 năm giải phóng Hải Phòng"). */
  themes_json: string;
  /** proposed | approved | installed (đề xuất, được duyệt, đã lắp đặt). */
  status: string;
  installed_on: string | null;
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A photo, kept only as its resized variants (metadata, GPS included, stripped); never the original. */
export interface InstallationPhotoTable {
  id: string;
  installation_id: string;
  /** 320 px wide JPEG (lists). */
  small_file_id: string;
  /** At most 1280 px wide JPEG (the entry's page). */
  large_file_id: string;
  /** Size of the large variant. */
  width: number;
  height: number;
  file_name: string;
  caption: string | null;
  created_by: string | null;
  created_at: string;
}

export interface InstallationTables {
  installations: InstallationTable;
  installation_photos: InstallationPhotoTable;
}
