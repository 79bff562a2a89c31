/**
 * Tables of follow-up (theo dõi, đôn đốc): check-ins and their versions and evidence, leaders'
 * directions, recorded due dates, the editable holiday calendar, in-app notifications, reminder
 * deliveries and report drafts. Portable conventions as in `platform/db/schema.ts`.
 */

export type CheckInState = "draft" | "submitted" | "confirmed" | "returned";
export type CheckInRole = "lead" | "coordinator";
export type EvidenceKind = "file" | "article" | "event" | "delegation" | "number" | "other";
export type DeliveryStatus = "sending" | "sent" | "unknown" | "failed";

export interface CheckInTable {
  id: string;
  task_id: string;
  /** The party reporting: a person or a unit named on the task. */
  party_person_id: string | null;
  party_unit_id: string | null;
  party_name: string;
  role: CheckInRole;
  /** Reporting period key: "2024-Q2", "2024-H1", "2024". */
  period: string;
  /** For milestone tasks: the milestone's due date reported on. */
  milestone: string | null;
  state: CheckInState;
  /** Content version: 1 on creation, +1 on every saved edit. */
  version: number;
  done_text: string;
  progress: number;
  /** JSON array of milestone due dates reached. */
  milestones_reached_json: string;
  difficulties: string | null;
  proposals: string | null;
  reported_complete: number;
  completed_on: string | null;
  submitted_at: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
  return_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CheckInVersionTable {
  id: string;
  check_in_id: string;
  version: number;
  /** What produced this entry: create, update, submit, confirm, return, reopen. */
  action: string;
  state: CheckInState;
  snapshot_json: string;
  saved_at: string;
  saved_by: string | null;
  /** What was said with the step: a confirmation's optional comment, a return's or reopening's reason. */
  note: string | null;
}

export interface CheckInEvidenceTable {
  id: string;
  check_in_id: string;
  kind: EvidenceKind;
  file_id: string | null;
  /** The name this upload was made under (the stored bytes may be shared with other uploads). */
  file_name?: string | null;
  url: string | null;
  title: string;
  count: number | null;
  created_at: string;
  created_by: string | null;
}

export interface TaskDirectionTable {
  id: string;
  task_id: string;
  text: string;
  author_id: string | null;
  author_name: string | null;
  created_at: string;
}

export interface TaskDueDateTable {
  id: string;
  task_id: string;
  due_date: string;
  /** The document that set it: "Công văn số 45-CV/BCĐ ngày 02/4/2024". */
  directive: string;
  label: string | null;
  file_id: string | null;
  /** The name the directive document was uploaded under. */
  file_name?: string | null;
  created_at: string;
  created_by: string | null;
}

export interface HolidayTable {
  id: string;
  date: string;
  name: string;
  kind: "holiday" | "makeup_working_day";
  created_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  task_id: string | null;
  programme_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface ReminderDeliveryTable {
  id: string;
  /** task + party + kind + due date + day (+ channel and recipient): one message, ever. */
  idempotency_key: string;
  channel: "email" | "in_app";
  recipient: string;
  task_id: string;
  kind: string;
  due_date: string;
  status: DeliveryStatus;
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Bumped in the same transaction as every follow-up write: keys the dashboard cache. */
export interface FollowUpRevisionTable {
  programme_id: string;
  revision: number;
}

/** One row per revision: the task a follow-up write touched (null: reload the whole programme). */
export interface FollowUpChangeTable {
  programme_id: string;
  revision: number;
  task_id: string | null;
}

export interface ReportTable {
  id: string;
  programme_id: string;
  kind: "semiannual" | "annual";
  year: number;
  format: "party" | "state";
  cutoff_from: string;
  cutoff_to: string;
  status: "draft";
  model_json: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface FollowUpTables {
  check_ins: CheckInTable;
  check_in_versions: CheckInVersionTable;
  check_in_evidence: CheckInEvidenceTable;
  task_directions: TaskDirectionTable;
  task_due_dates: TaskDueDateTable;
  holidays: HolidayTable;
  notifications: NotificationTable;
  reminder_deliveries: ReminderDeliveryTable;
  follow_up_revisions: FollowUpRevisionTable;
  follow_up_changes: FollowUpChangeTable;
  reports: ReportTable;
}
