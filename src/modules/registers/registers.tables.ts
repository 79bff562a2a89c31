/** The link of a register entry to a programme task (hồ sơ, sản phẩm làm minh chứng cho nhiệm vụ). */

export interface TaskRecordLinkTable {
  id: string;
  /** The task's row in the version in force; moved with the task's follow-up when a new version is committed. */
  task_id: string;
  /** The register the entry belongs to: `delegation`, `press_visit`, `partner`, `portal_item`… */
  record_kind: string;
  record_id: string;
  /** The check-in the entry was attached from, when it was attached from one. */
  check_in_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface RegisterTables {
  task_record_links: TaskRecordLinkTable;
}
