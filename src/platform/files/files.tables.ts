/** Table type of the content-addressed file store (see `file-store.ts`). */
export interface StoredFileTable {
  id: string;
  /** Hex SHA-256 of the content: the same bytes are stored once. */
  sha256: string;
  size: number;
  /** Sniffed from the first bytes, never trusted from the client. */
  media_type: string;
  original_name: string;
  /** Relative to `HAIDANG_DATA_DIR`: `files/ab/cd/<sha256>`. */
  storage_path: string;
  created_at: string;
  created_by: string | null;
}

export interface FileTables {
  stored_files: StoredFileTable;
}
