import type { IsoDate } from "../calendar/calendar.dates.js";

/** How a programme states a task's time frame (see `parsed-programme.schema.json` → `timeframe.kind`). */
export type TimeframeKind = "period" | "deadline" | "ongoing" | "as_directed" | "per_plan" | "unspecified";

/** One dated step of a task: "6 tháng đầu năm và năm 2024" → 2024-06-30 and 2024-12-31. */
export interface Milestone {
  due: IsoDate;
  label?: string;
}

/** A task's time frame as the programme states it (the parsed-programme contract's `timeframe`). */
export interface TaskTimeframe {
  kind: TimeframeKind;
  /** As written, e.g. "Trong Quý II/2024." */
  text?: string | null;
  start?: IsoDate | null;
  /** The due date (end of the period, or the deadline). */
  end?: IsoDate | null;
  milestones?: readonly Milestone[];
  /** For `per_plan`: the plan cited, e.g. "318/KH-UBND". */
  plan?: string | null;
}

/** A due date the secretariat recorded when a directive or plan set one (as_directed, per_plan, unspecified). */
export interface RecordedDueDate {
  due: IsoDate;
  /** The document that set it, e.g. "Công văn số 45-CV/BCĐ ngày 02/4/2024". */
  directive: string;
  label?: string;
}

/** The secretariat's decision on a check-in. Timestamps may be ISO dates or ISO instants. */
export type Confirmation =
  | { state: "pending" }
  | { state: "confirmed"; at: string }
  | { state: "returned"; at: string; reason: string };

/** One progress report (check-in) by the lead on a task. */
export interface CheckIn {
  /** Reporting period key it reports for: "2024-Q2", "2024-H1", "2024" (see `reportingPeriod`). */
  period: string;
  /** ISO date or instant of submission. */
  submittedAt: string;
  /** Progress in percent, 0–100. */
  progress: number;
  /** The lead reports the task (or the milestone) as done. */
  reportedComplete: boolean;
  /** The completion date the lead reports; the confirmation date is used when absent. */
  completedOn?: IsoDate | null;
  /** For milestone tasks: the due date of the milestone reported on; untagged check-ins count for the last one. */
  milestone?: IsoDate | null;
  confirmation: Confirmation;
}

/** What the status engine needs to know about a task. */
export interface FollowUpTask {
  id: string;
  timeframe: TaskTimeframe;
  /** Due dates recorded by the secretariat (for as_directed / per_plan / unspecified tasks). */
  dueDates?: readonly RecordedDueDate[];
  /** Check-ins in any order. */
  checkIns: readonly CheckIn[];
}

/** Status of one dated obligation (a task's single deadline or one milestone) — the QĐ 42/2014 2×2 plus not_started. */
export type DeadlineStatus =
  | "not_started"
  | "in_progress_on_time"
  | "overdue"
  | "completed_on_time"
  | "completed_late";

/** A task's overall status as of a date. */
export type TaskStatus =
  | DeadlineStatus
  /** as_directed / per_plan / unspecified with no due date recorded yet: never overdue. */
  | "awaiting_due_date"
  /** Ongoing ("Thường xuyên"): the latest period whose report is due was reported. */
  | "ongoing_reported"
  /** Ongoing: the latest period whose report is due was not reported. */
  | "ongoing_not_reported";

/** All statuses, in the order reports list them. */
export const TASK_STATUSES: readonly TaskStatus[] = [
  "completed_on_time",
  "completed_late",
  "in_progress_on_time",
  "not_started",
  "overdue",
  "awaiting_due_date",
  "ongoing_reported",
  "ongoing_not_reported",
];

/** Vietnamese (official wording, QĐ 42/2014/QĐ-TTg) and English labels of each status. */
export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, { vi: string; en: string }>> = {
  completed_on_time: { vi: "Đã hoàn thành đúng hạn", en: "Completed on time" },
  completed_late: { vi: "Đã hoàn thành nhưng quá hạn", en: "Completed late" },
  in_progress_on_time: { vi: "Chưa hoàn thành, còn trong hạn", en: "In progress, within time" },
  not_started: { vi: "Chưa triển khai, còn trong hạn", en: "Not started, within time" },
  overdue: { vi: "Chưa hoàn thành, quá hạn", en: "Not completed, overdue" },
  awaiting_due_date: { vi: "Chờ xác định thời hạn (theo chỉ đạo, kế hoạch)", en: "Awaiting a due date" },
  ongoing_reported: { vi: "Thường xuyên – đã báo cáo kỳ này", en: "Ongoing – reported this period" },
  ongoing_not_reported: {
    vi: "Thường xuyên – chưa báo cáo kỳ này",
    en: "Ongoing – not reported this period",
  },
};

/** Age classes of overdue tasks used in follow-up reports. */
export type OverdueBucket = "up_to_30" | "31_to_90" | "91_to_120" | "over_120";

/** All overdue buckets, youngest first. */
export const OVERDUE_BUCKETS: readonly OverdueBucket[] = ["up_to_30", "31_to_90", "91_to_120", "over_120"];

/** Vietnamese labels of overdue buckets. */
export const OVERDUE_BUCKET_LABELS_VI: Readonly<Record<OverdueBucket, string>> = {
  up_to_30: "Quá hạn đến 30 ngày",
  "31_to_90": "Quá hạn từ 31 đến 90 ngày",
  "91_to_120": "Quá hạn từ 91 đến 120 ngày",
  over_120: "Quá hạn trên 120 ngày",
};

/** Status of one milestone (or recorded due date) of a task. */
export interface MilestoneStatus {
  due: IsoDate;
  label: string | null;
  /** For recorded due dates: the directive that set it. */
  directive: string | null;
  status: DeadlineStatus;
  completedOn: IsoDate | null;
  /** Days past due while not completed (0 otherwise). */
  daysOverdue: number;
  /** Days the completion came after the due date (0 when on time). */
  daysLate: number;
}

/** Assessment of an ongoing task for one reporting period. */
export interface OngoingPeriodStatus {
  /** Period key, e.g. "2024-Q2". */
  period: string;
  state: "reported" | "not_reported" | "not_yet_due";
  /** Date of the first report that stands (not returned) for the period. */
  reportedOn: IsoDate | null;
  /** The report came after the period's report due date. */
  isReportedLate: boolean;
  /** The secretariat has confirmed that report. */
  isConfirmed: boolean;
}

interface StatusBase {
  taskId: string;
  status: TaskStatus;
  /** Progress of the latest check-in that was not returned, or null without one. */
  progress: number | null;
  /** A completion report waits for the secretariat's confirmation. */
  hasPendingCompletion: boolean;
  /** The latest completion report was returned and nothing was confirmed since. */
  isReturned: boolean;
}

/** A task with a due date: a deadline, a period's end, milestones, or a recorded due date. */
export interface DatedTaskStatus extends StatusBase {
  kind: "dated";
  status: DeadlineStatus;
  /** The operative due date: the earliest milestone not completed, else the last milestone. */
  due: IsoDate;
  dueSource: "timeframe" | "recorded";
  /** Recorded due date's directive, when the (single) due date was recorded. */
  directive: string | null;
  completedOn: IsoDate | null;
  daysOverdue: number;
  daysLate: number;
  overdueBucket: OverdueBucket | null;
  /** Each milestone's own status, or null for a task with a single due date. */
  milestones: MilestoneStatus[] | null;
}

/** An ongoing ("Thường xuyên") task, assessed per reporting period. */
export interface OngoingTaskStatus extends StatusBase {
  kind: "ongoing";
  status: "ongoing_reported" | "ongoing_not_reported" | "not_started" | "in_progress_on_time";
  periods: OngoingPeriodStatus[];
  /** Periods due but not reported. */
  missedPeriods: number;
}

/** A task without any due date yet (as_directed / per_plan / unspecified, none recorded). */
export interface UndatedTaskStatus extends StatusBase {
  kind: "undated";
  status: "awaiting_due_date" | "completed_on_time";
  basis: TimeframeKind;
  completedOn: IsoDate | null;
}

/** The engine's verdict on one task as of a date. */
export type TaskStatusResult = DatedTaskStatus | OngoingTaskStatus | UndatedTaskStatus;
