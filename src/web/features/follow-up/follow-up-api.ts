/** The follow-up API: statuses, check-ins, directions, recorded due dates, dashboards, calendar, urging notices. */
import type { z } from "zod";
import type {
  CalendarEventSchema,
  CalendarListSchema,
  CheckInDetailSchema,
  CheckInListSchema,
  CheckInSchema,
  CheckInVersionSchema,
  CreateCheckInBody,
  DashboardSchema,
  DirectionSchema,
  DueDateBody,
  EvidenceSchema,
  FileUpload as FileUploadSchema,
  GroupCountsSchema,
  LinkEvidence,
  MyTaskListSchema,
  MyTaskRowSchema,
  RecordedDueDateSchema,
  StatusCountsSchema,
  StatusListSchema,
  StatusRowSchema,
  TaskStatusDetailSchema,
  UpdateCheckInBody,
} from "../../../shared/api/follow-up";
import {
  CHECK_IN_STATES,
  EVIDENCE_KINDS,
  OVERDUE_BUCKETS,
  TASK_STATUSES,
} from "../../../shared/api/follow-up";
import { api, downloadPost } from "../../api/client";

export { OVERDUE_BUCKETS, TASK_STATUSES };
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number];

export const isTaskStatus = (value: string | null): value is TaskStatus =>
  (TASK_STATUSES as readonly string[]).includes(value ?? "");
export const isOverdueBucket = (value: string | null): value is OverdueBucket =>
  (OVERDUE_BUCKETS as readonly string[]).includes(value ?? "");

/** One task's status as of a date (GET /api/programmes/:id/statuses, /overdue, /api/me/tasks). */
export type StatusRow = z.infer<typeof StatusRowSchema>;
export type MyTaskRow = z.infer<typeof MyTaskRowSchema>;
export type StatusCounts = z.infer<typeof StatusCountsSchema>;
export type GroupCounts = z.infer<typeof GroupCountsSchema>;
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;
/** GET /api/programmes/:id/dashboard?asOf= */
export type Dashboard = z.infer<typeof DashboardSchema>;
export type QuarterProgress = Dashboard["progressByQuarter"][number];
/** GET /api/tasks/:id/status?asOf= — one task's status as the server computes it. */
export type TaskStatusDetail = z.infer<typeof TaskStatusDetailSchema>;
/** One milestone (or recorded due date) assessed on its own. */
export type MilestoneStatus = NonNullable<TaskStatusDetail["milestones"]>[number];
export type DeadlineStatus = MilestoneStatus["status"];
/** An ongoing task in one reporting period. */
export type OngoingPeriodStatus = NonNullable<TaskStatusDetail["periods"]>[number];

export { CHECK_IN_STATES };
export type CheckInState = (typeof CHECK_IN_STATES)[number];

export { EVIDENCE_KINDS };
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Evidence = z.infer<typeof EvidenceSchema>;
export type CheckIn = z.infer<typeof CheckInSchema>;
export type CheckInDetail = z.infer<typeof CheckInDetailSchema>;
export type CheckInVersion = z.infer<typeof CheckInVersionSchema>;

/** Request bodies as the server's schemas accept them (`src/shared/api/follow-up.ts`). */
export type LinkInput = z.input<typeof LinkEvidence>;
export type CheckInInput = z.input<typeof CreateCheckInBody>;
export type CheckInChange = z.input<typeof UpdateCheckInBody>;
export type FileUpload = z.input<typeof FileUploadSchema>;
export type DueDateInput = z.input<typeof DueDateBody>;

export type Direction = z.infer<typeof DirectionSchema>;
export type RecordedDueDate = z.infer<typeof RecordedDueDateSchema>;

const items = <T>(answer: { items: T[] }) => answer.items;

export const followUpApi = {
  statuses: (programmeId: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<z.infer<typeof StatusListSchema>>(`/api/programmes/${programmeId}/statuses`, { asOf }, signal),
  dashboard: (programmeId: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<Dashboard>(`/api/programmes/${programmeId}/dashboard`, { asOf }, signal),
  calendar: (programmeId: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof CalendarListSchema>>(
      `/api/programmes/${programmeId}/calendar`,
      { from, to },
      signal,
    ),
  taskStatus: (taskId: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get<TaskStatusDetail>(`/api/tasks/${taskId}/status`, { asOf }, signal),
  myTasks: (signal?: AbortSignal) =>
    api.get<z.infer<typeof MyTaskListSchema>>("/api/me/tasks", undefined, signal),

  checkIns: (taskId: string, signal?: AbortSignal) =>
    api
      .get<z.infer<typeof CheckInListSchema>>(`/api/tasks/${taskId}/check-ins`, undefined, signal)
      .then(items),
  checkIn: (id: string, signal?: AbortSignal) =>
    api.get<CheckInDetail>(`/api/check-ins/${id}`, undefined, signal),
  createCheckIn: (taskId: string, input: CheckInInput) =>
    api.post<CheckIn>(`/api/tasks/${taskId}/check-ins`, input),
  updateCheckIn: (id: string, input: CheckInChange) => api.patch<CheckIn>(`/api/check-ins/${id}`, input),
  addEvidence: (id: string, input: LinkInput | FileUpload) =>
    api.post<Evidence | null>(`/api/check-ins/${id}/evidence`, input),
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
