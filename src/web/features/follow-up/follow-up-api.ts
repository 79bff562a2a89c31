/** The follow-up API: statuses, check-ins, directions, recorded due dates, dashboards, calendar, urging notices. */
import type { z } from "zod";
import type {
  CreateCheckInBody,
  DueDateBody,
  FileUpload as FileUploadSchema,
  LinkEvidence,
  UpdateCheckInBody,
} from "../../../shared/api/follow-up";
import { EVIDENCE_KINDS, OVERDUE_BUCKETS, TASK_STATUSES } from "../../../shared/api/follow-up";
import { api, downloadPost } from "../../api/client";

export { OVERDUE_BUCKETS, TASK_STATUSES };
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number];

export const isTaskStatus = (value: string | null): value is TaskStatus =>
  (TASK_STATUSES as readonly string[]).includes(value ?? "");
export const isOverdueBucket = (value: string | null): value is OverdueBucket =>
  (OVERDUE_BUCKETS as readonly string[]).includes(value ?? "");

/** One task's status as of a date (GET /api/programmes/:id/statuses, /overdue, /api/me/tasks). */
export interface StatusRow {
  taskId: string;
  ref: string;
  kind: string;
  text: string;
  timeframe: string | null;
  status: TaskStatus;
  statusLabel: string;
  due: string | null;
  daysOverdue: number;
  overdueBucket: OverdueBucket | null;
  progress: number | null;
  hasPendingCompletion: boolean;
  isReturned: boolean;
  directing: string[];
  leads: string[];
  coordinators: string[];
}

export interface MyTaskRow extends StatusRow {
  programmeId: string;
  programmeNumber: string | null;
  role: string;
}

export interface StatusCounts {
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdueByBucket: Record<OverdueBucket, number>;
}

export interface GroupCounts extends StatusCounts {
  name: string;
}

export interface CalendarEvent {
  date: string;
  kind: "deadline" | "milestone" | "due_date" | "report_due";
  taskId: string;
  ref: string;
  text: string;
  label: string | null;
  leads: string[];
  isDone: boolean;
}

export interface QuarterProgress {
  period: string;
  label: string;
  asOf: string;
  total: number;
  completed: number;
  overdue: number;
  byStatus: Record<TaskStatus, number>;
}

/** GET /api/programmes/:id/dashboard?asOf= */
export interface Dashboard {
  asOf: string;
  programme: {
    id: string;
    number: string | null;
    title: string | null;
    period: { start: string; end: string };
  };
  summary: StatusCounts;
  byDirecting: GroupCounts[];
  byLeadPerson: GroupCounts[];
  byLeadUnit: GroupCounts[];
  overdueTotal: number;
  overdue: StatusRow[];
  upcomingTotal: number;
  upcoming: CalendarEvent[];
  progressByQuarter: QuarterProgress[];
}

export type DeadlineStatus = Extract<
  TaskStatus,
  "not_started" | "in_progress_on_time" | "overdue" | "completed_on_time" | "completed_late"
>;

/** One milestone (or recorded due date) assessed on its own. */
export interface MilestoneStatus {
  due: string;
  label: string | null;
  directive: string | null;
  status: DeadlineStatus;
  statusLabel: { vi: string; en: string };
  completedOn: string | null;
  daysOverdue: number;
  daysLate: number;
}

/** An ongoing task in one reporting period. */
export interface OngoingPeriodStatus {
  period: string;
  label: string;
  start: string | null;
  end: string | null;
  reportDue: string | null;
  state: "reported" | "not_reported" | "not_yet_due";
  reportedOn: string | null;
  isReportedLate: boolean;
  isConfirmed: boolean;
}

/** GET /api/tasks/:id/status?asOf= — one task's status as the server computes it. */
export interface TaskStatusDetail {
  taskId: string;
  programmeId: string;
  ref: string;
  asOf: string;
  kind: "dated" | "ongoing" | "undated";
  status: TaskStatus;
  statusLabel: { vi: string; en: string };
  progress: number | null;
  hasPendingCompletion: boolean;
  isReturned: boolean;
  due: string | null;
  dueSource: "timeframe" | "recorded" | null;
  directive: string | null;
  completedOn: string | null;
  daysOverdue: number;
  daysLate: number;
  overdueBucket: OverdueBucket | null;
  milestones: MilestoneStatus[] | null;
  periods: OngoingPeriodStatus[] | null;
  missedPeriods: number;
}

export const CHECK_IN_STATES = ["draft", "submitted", "confirmed", "returned"] as const;
export type CheckInState = (typeof CHECK_IN_STATES)[number];

export { EVIDENCE_KINDS };
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  id: string;
  kind: EvidenceKind | "file";
  title: string;
  url: string | null;
  count: number | null;
  file: {
    id: string;
    name: string | null;
    mediaType: string | null;
    size: number | null;
    /** Set only when the viewer may download the file (GET /api/evidence/:id/file). */
    downloadUrl: string | null;
  } | null;
  createdAt: string;
}

export interface CheckIn {
  id: string;
  taskId: string;
  party: { personId: string | null; unitId: string | null; name: string };
  role: "lead" | "coordinator";
  period: string;
  milestone: string | null;
  state: CheckInState;
  version: number;
  doneText: string;
  progress: number;
  milestonesReached: string[];
  difficulties: string | null;
  proposals: string | null;
  reportedComplete: boolean;
  completedOn: string | null;
  submittedAt: string | null;
  confirmedAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  evidence: Evidence[];
}

export interface CheckInVersion {
  version: number;
  action: string;
  state: CheckInState;
  savedAt: string;
  savedBy: string | null;
  /** A confirmation's comment, a return's or reopening's reason. */
  note: string | null;
  content: Record<string, unknown>;
}

/** Request bodies as the server's schemas accept them (`src/shared/api/follow-up.ts`). */
export type LinkInput = z.input<typeof LinkEvidence>;
export type CheckInInput = z.input<typeof CreateCheckInBody>;
export type CheckInChange = z.input<typeof UpdateCheckInBody>;
export type FileUpload = z.input<typeof FileUploadSchema>;
export type DueDateInput = z.input<typeof DueDateBody>;

export interface Direction {
  id: string;
  text: string;
  authorName: string | null;
  createdAt: string;
}

export interface RecordedDueDate {
  id: string;
  dueDate: string;
  directive: string;
  label: string | null;
  fileId: string | null;
  createdAt: string;
}

const items = <T>(answer: { items: T[] }) => answer.items;

export const followUpApi = {
  statuses: (programmeId: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<{ asOf: string; items: StatusRow[] }>(
      `/api/programmes/${programmeId}/statuses`,
      { asOf },
      signal,
    ),
  dashboard: (programmeId: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<Dashboard>(`/api/programmes/${programmeId}/dashboard`, { asOf }, signal),
  calendar: (programmeId: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<{ from: string; to: string; items: CalendarEvent[] }>(
      `/api/programmes/${programmeId}/calendar`,
      { from, to },
      signal,
    ),
  taskStatus: (taskId: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<TaskStatusDetail>(`/api/tasks/${taskId}/status`, { asOf }, signal),
  myTasks: (signal?: AbortSignal) =>
    api.get<{ asOf: string; items: MyTaskRow[] }>("/api/me/tasks", undefined, signal),

  checkIns: (taskId: string, signal?: AbortSignal) =>
    api.get<{ items: CheckIn[] }>(`/api/tasks/${taskId}/check-ins`, undefined, signal).then(items),
  checkIn: (id: string, signal?: AbortSignal) =>
    api.get<CheckIn & { versions: CheckInVersion[] }>(`/api/check-ins/${id}`, undefined, signal),
  createCheckIn: (taskId: string, input: CheckInInput) =>
    api.post<CheckIn>(`/api/tasks/${taskId}/check-ins`, input),
  updateCheckIn: (id: string, input: CheckInChange) => api.patch<CheckIn>(`/api/check-ins/${id}`, input),
  addEvidence: (id: string, input: LinkInput | FileUpload) =>
    api.post<Evidence>(`/api/check-ins/${id}/evidence`, input),
  submit: (id: string) => api.post<CheckIn>(`/api/check-ins/${id}/submit`),
  confirm: (id: string, comment?: string) =>
    api.post<CheckIn>(`/api/check-ins/${id}/confirm`, comment ? { comment } : {}),
  returnCheckIn: (id: string, reason: string) => api.post<CheckIn>(`/api/check-ins/${id}/return`, { reason }),
  reopen: (id: string, reason?: string) =>
    api.post<CheckIn>(`/api/check-ins/${id}/reopen`, reason ? { reason } : {}),

  directions: (taskId: string, signal?: AbortSignal) =>
    api.get<{ items: Direction[] }>(`/api/tasks/${taskId}/directions`, undefined, signal).then(items),
  addDirection: (taskId: string, text: string) =>
    api.post<Direction>(`/api/tasks/${taskId}/directions`, { text }),
  dueDates: (taskId: string, signal?: AbortSignal) =>
    api.get<{ items: RecordedDueDate[] }>(`/api/tasks/${taskId}/due-dates`, undefined, signal).then(items),
  recordDueDate: (taskId: string, input: DueDateInput) =>
    api.post<RecordedDueDate>(`/api/tasks/${taskId}/due-date`, input),

  urgingNotice: (programmeId: string, taskIds: string[], date?: string) =>
    downloadPost(
      `/api/programmes/${programmeId}/urging-notice`,
      { taskIds, ...(date && { date }) },
      "cong-van-don-doc.docx",
    ),
};

/** A browser file as the JSON upload the API takes (`{ filename, contentBase64 }`). */
export async function toUpload(file: File): Promise<FileUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { filename: file.name, contentBase64: btoa(binary) };
}
