/**
 * Tables of work programmes (chương trình / kế hoạch công tác), their tasks, the parties of each task,
 * the registry of cited documents, and import drafts awaiting review. Portable conventions as in
 * `platform/db/schema.ts`: text ids, ISO text timestamps, `YYYY-MM-DD` dates, JSON as text.
 */

export type ProgrammeStatus = "active" | "superseded";
export type TaskKind = "general" | "specific";
export type PartyRole = "directing" | "lead" | "coordinator";
export type PartyKind = "person" | "unit" | "group";
export type DraftStatus = "draft" | "committed" | "discarded";

export interface ProgrammeTable {
  id: string;
  /** `party` or `state` document system; null when the parser could not tell. */
  system: string | null;
  /** Document type in words: "Chương trình", "Kế hoạch"… */
  doc_type: string | null;
  type_code: string | null;
  /** Number and symbol as printed: "02-CTr/BCĐ". */
  number: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  /** folded issuer | folded number | date — the same document imported twice has the same key. */
  identity_key: string | null;
  place: string | null;
  issued_on: string | null;
  title: string | null;
  period_start: string | null;
  period_end: string | null;
  signature_json: string | null;
  recipients_json: string;
  version: number;
  supersedes_id: string | null;
  status: ProgrammeStatus;
  /** The date from which this version applies (null: from the start); earlier dates use the previous version. */
  effective_from: string | null;
  source_file_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ProgrammeSectionTable {
  id: string;
  programme_id: string;
  ref: string;
  heading: string;
  kind: string | null;
  position: number;
}

export interface TaskTable {
  id: string;
  programme_id: string;
  /** The task's identity across versions of its programme (its first row's id): follow-up follows it. */
  lineage_id: string;
  /** The document's own numbering: "II.7". */
  ref: string;
  section_ref: string;
  position: number;
  kind: TaskKind;
  text: string;
  /** Folded text for accent-insensitive search. */
  folded_text: string;
  footnotes_json: string;
  products_json: string;
  timeframe_text: string | null;
  timeframe_kind: string;
  start_date: string | null;
  end_date: string | null;
  milestones_json: string;
  plan_ref: string | null;
  /** Set later by the secretariat for `as_directed` / `per_plan` tasks. */
  due_date: string | null;
  source_line_start: number | null;
  source_line_end: number | null;
  created_at: string;
  updated_at: string;
}

export interface TaskPartyTable {
  id: string;
  task_id: string;
  role: PartyRole;
  kind: PartyKind;
  /** The name as the document (or the reviewer) wrote it. */
  name: string;
  folded_name: string;
  qualifier: string | null;
  person_id: string | null;
  unit_id: string | null;
  position: number;
}

export interface CitationTable {
  id: string;
  /** folded kind | folded number (or text when the number is absent): the registry's dedupe key. */
  citation_key: string;
  kind: string;
  number: string | null;
  /** Folded number without spaces, for lookups: "57-kl/tw". */
  folded_number: string | null;
  issued_on: string | null;
  issuer: string | null;
  created_at: string;
}

export interface CitationLinkTable {
  id: string;
  citation_id: string;
  programme_id: string;
  /** null: cited by the programme as a whole (its "Căn cứ" paragraph). */
  task_id: string | null;
  text: string;
}

export interface ImportDraftTable {
  id: string;
  status: DraftStatus;
  filename: string;
  source_type: string;
  file_id: string;
  extracted_text: string;
  /** The parsed programme; the reviewer edits this. */
  parsed_json: string;
  reconciliation_json: string;
  /** The reviewer's decision per reconciliation key. */
  decisions_json: string;
  warnings_json: string;
  /** An active programme with the same identity (the same document imported before). */
  existing_programme_id: string | null;
  /** The reviewer's task matches with the previous version and the date the new version applies from. */
  version_plan_json: string | null;
  committed_programme_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeTables {
  programmes: ProgrammeTable;
  programme_sections: ProgrammeSectionTable;
  tasks: TaskTable;
  task_parties: TaskPartyTable;
  citations: CitationTable;
  citation_links: CitationLinkTable;
  import_drafts: ImportDraftTable;
}
