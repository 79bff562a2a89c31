/** Tables of the foreign press visits register (đoàn phóng viên nước ngoài). */

export interface PressVisitTable {
  id: string;
  group_name: string;
  /** Folded group name and outlets, for accent-insensitive search (never reporters' names). */
  folded_text: string;
  start_date: string;
  end_date: string;
  approval_number: string | null;
  approval_date: string | null;
  approval_authority: string | null;
  /** JSON arrays of lines. */
  programme_json: string;
  escorts_json: string;
  topics_json: string;
  materials_json: string;
  /** When the reporters' names and roles were erased (retention period or administrator). */
  personal_erased_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One reporter of a visit. `name` and `role` are personal data, set to null on erasure. */
export interface PressReporterTable {
  id: string;
  visit_id: string;
  position: number;
  name: string | null;
  role: string | null;
  outlet: string;
  source_id: string | null;
  country_code: string;
}

export interface PressVisitCoverageTable {
  id: string;
  visit_id: string;
  item_id: string;
  /** confirmed | rejected */
  decision: string;
  decided_by: string | null;
  decided_at: string;
}

export interface PressVisitTables {
  press_visits: PressVisitTable;
  press_reporters: PressReporterTable;
  press_visit_coverage: PressVisitCoverageTable;
}
