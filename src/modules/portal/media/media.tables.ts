/** Tables of the portal's media library. */

export interface PortalMediaTable {
  id: string;
  /** image | pdf */
  kind: string;
  original_name: string;
  /** Read from the bytes: image/jpeg, image/png, image/webp, application/pdf. */
  media_type: string;
  /** Of the image as shown (orientation applied), or of the PDF's cover. */
  width: number | null;
  height: number | null;
  page_count: number | null;
  /** Size of the uploaded file in bytes. */
  size: number;
  /** JSON object: language → alt text. */
  alt_json: string;
  /** JSON object: language → caption. */
  caption_json: string;
  credit: string | null;
  /** Lower-cased name, alt texts, captions and credit, for the library's search. */
  search_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PortalMediaFileTable {
  media_id: string;
  /** Content-hashed file name: `<16 hex>-<width>.<webp|jpg|png>` or `<16 hex>.pdf`. */
  name: string;
  /** webp | jpeg | png | pdf */
  format: string;
  width: number | null;
  height: number | null;
  file_id: string;
}

/**
 * Where library media are used (migration 0027): one row per media item referenced by an item's product
 * address (`owner` "item") or by one language's rich text (`owner` the text's id). Written by the
 * portal repository whenever either is saved, so "where is this used" is an index lookup.
 */
export interface PortalMediaRefTable {
  item_id: string;
  owner: string;
  media_id: string;
}

export interface PortalMediaTables {
  portal_media: PortalMediaTable;
  portal_media_files: PortalMediaFileTable;
  portal_media_refs: PortalMediaRefTable;
}
