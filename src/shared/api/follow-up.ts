/**
 * Request and response shapes of the follow-up API (check-ins, evidence, directions, due dates, holidays,
 * statuses, dashboard, calendar): one source for the server's validation, its OpenAPI document and the
 * web client's types (`z.infer`).
 */
import { z } from "zod";

/** Task statuses (QĐ 42/2014/QĐ-TTg 2×2, plus "not started", undated and ongoing), in the order reports list them. */
export const TASK_STATUSES = [
  "completed_on_time",
  "completed_late",
  "in_progress_on_time",
  "not_started",
  "overdue",
  "awaiting_due_date",
  "ongoing_reported",
  "ongoing_not_reported",
] as const;

/** Age classes of overdue tasks: ≤ 30, 31–90, 91–120, > 120 days. */
export const OVERDUE_BUCKETS = ["up_to_30", "31_to_90", "91_to_120", "over_120"] as const;

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();
const Text = z.string().trim().max(20_000);

export const IdParams = z.object({ id: Id });

/** `?asOf=YYYY-MM-DD` (default today, clamped into the programme's period) and `?format=csv|xlsx`. */
export const AsOfQuery = z.object({
  asOf: IsoDate.optional(),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
});

/** `?asOf=YYYY-MM-DD` for one task's status (default today). */
export const TaskStatusQuery = z.object({ asOf: IsoDate.optional() });

export const PeriodKey = z.string().regex(/^\d{4}(?:-(?:Q[1-4]|H[12]))?$/, "2024, 2024-H1 hoặc 2024-Q2");

export const EVIDENCE_KINDS = ["article", "event", "delegation", "number", "other"] as const;

export const LinkEvidence = z.strictObject({
  /** Article, event, delegation, number (a counted figure) or other. */
  kind: z.enum(EVIDENCE_KINDS),
  url: z.url().max(2000).optional(),
  title: z.string().trim().min(1).max(500),
  count: z.number().int().min(0).max(1_000_000_000).optional(),
});

/** A file as JSON: its name and its bytes in base64. */
export const FileUpload = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1),
});

export const EvidenceBody = z.union([FileUpload, LinkEvidence]);
export type EvidenceInput = z.infer<typeof EvidenceBody>;

const CheckInFields = {
  /** What was done (kết quả thực hiện). */
  doneText: Text,
  progress: z.number().int().min(0).max(100),
  milestone: IsoDate.nullable().optional(),
  milestonesReached: z.array(IsoDate).max(50).optional(),
  difficulties: Text.nullable().optional(),
  proposals: Text.nullable().optional(),
  reportedComplete: z.boolean().optional(),
  completedOn: IsoDate.nullable().optional(),
};

export const CreateCheckInBody = z.strictObject({
  period: PeriodKey,
  ...CheckInFields,
  /** Secretariat/admin reporting for a party: the party's person or unit id. */
  partyId: Id.optional(),
  links: z.array(LinkEvidence).max(50).optional(),
});
export type CreateCheckInInput = z.infer<typeof CreateCheckInBody>;

export const UpdateCheckInBody = z.strictObject({
  period: PeriodKey.optional(),
  doneText: Text.optional(),
  progress: CheckInFields.progress.optional(),
  milestone: CheckInFields.milestone,
  milestonesReached: CheckInFields.milestonesReached,
  difficulties: CheckInFields.difficulties,
  proposals: CheckInFields.proposals,
  reportedComplete: CheckInFields.reportedComplete,
  completedOn: CheckInFields.completedOn,
});
export type UpdateCheckInInput = z.infer<typeof UpdateCheckInBody>;

export const ReasonBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
/** `POST /api/check-ins/:id/confirm`: an optional comment kept in the check-in's history. */
export const ConfirmBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const OptionalReasonBody = z.strictObject({ reason: z.string().trim().max(2000).optional() });

export const DirectionBody = z.strictObject({ text: z.string().trim().min(1).max(5000) });

export const DueDateBody = z.strictObject({
  dueDate: IsoDate,
  /** The document that set the deadline: "Công văn số 45-CV/BCĐ ngày 02/4/2024". */
  directive: z.string().trim().min(1).max(500),
  label: z.string().trim().max(200).optional(),
  file: FileUpload.optional(),
});

export const HolidayBody = z.strictObject({
  date: IsoDate,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(["holiday", "makeup_working_day"]).default("holiday"),
});

export const CalendarQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
});

// ——— Responses ———

/** Counts under each of `keys` (every key present). */
const counted = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K[number], z.ZodNumber>);

/** An evidence item; its file's `downloadUrl` only when the viewer may download it. */
export const EvidenceSchema = z.object({
  id: z.string(),
  kind: z.enum([...EVIDENCE_KINDS, "file"]),
  title: z.string(),
  url: z.string().nullable(),
  count: z.number().nullable(),
  file: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      mediaType: z.string().nullable(),
      sha256: z.string().nullable(),
      size: z.number().nullable(),
      /** Set only when the viewer may download the file (GET /api/evidence/:id/file). */
      downloadUrl: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});

export const CHECK_IN_STATES = ["draft", "submitted", "confirmed", "returned"] as const;

/** A party's progress report on a task for a period (báo cáo tiến độ). */
export const CheckInSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  party: z.object({ personId: z.string().nullable(), unitId: z.string().nullable(), name: z.string() }),
  role: z.enum(["lead", "coordinator"]),
  period: z.string(),
  milestone: z.string().nullable(),
  state: z.enum(CHECK_IN_STATES),
  version: z.number(),
  doneText: z.string(),
  progress: z.number(),
  milestonesReached: z.array(z.string()),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  reportedComplete: z.boolean(),
  completedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  evidence: z.array(EvidenceSchema),
});

/** One saved state of a check-in, in its history. */
export const CheckInVersionSchema = z.object({
  version: z.number(),
  action: z.string(),
  state: z.enum(CHECK_IN_STATES),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
  /** A confirmation's comment, a return's or reopening's reason. */
  note: z.string().nullable(),
  /** The check-in's fields as saved. */
  content: z.record(z.string(), z.unknown()),
});

export const CheckInDetailSchema = CheckInSchema.extend({ versions: z.array(CheckInVersionSchema) });
export const CheckInListSchema = z.object({ items: z.array(CheckInSchema) });

/** A leader's direction on a task (ý kiến chỉ đạo). */
export const DirectionSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

/** A due date the secretariat recorded for a task "as directed" or "per plan". */
export const RecordedDueDateSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  dueDate: z.string(),
  directive: z.string(),
  label: z.string().nullable(),
  fileId: z.string().nullable(),
  createdAt: z.string(),
});

export const HolidaySchema = z.object({
  id: z.string(),
  date: z.string(),
  name: z.string(),
  kind: z.enum(["holiday", "makeup_working_day"]),
});

/** One task's status as of a date, as the lists show it. */
export const StatusRowSchema = z.object({
  taskId: z.string(),
  ref: z.string(),
  kind: z.string(),
  text: z.string(),
  timeframe: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  statusLabel: z.string(),
  due: z.string().nullable(),
  daysOverdue: z.number(),
  overdueBucket: z.enum(OVERDUE_BUCKETS).nullable(),
  progress: z.number().nullable(),
  hasPendingCompletion: z.boolean(),
  isReturned: z.boolean(),
  directing: z.array(z.string()),
  leads: z.array(z.string()),
  coordinators: z.array(z.string()),
});

export const StatusListSchema = z.object({ asOf: z.string(), items: z.array(StatusRowSchema) });

/** A task of mine (as a party of it), across programmes. */
export const MyTaskRowSchema = StatusRowSchema.extend({
  programmeId: z.string(),
  programmeNumber: z.string().nullable(),
  role: z.string(),
});
export const MyTaskListSchema = z.object({ asOf: z.string(), items: z.array(MyTaskRowSchema) });

/** A dated event of the calendar: a deadline, a milestone, a recorded due date or a report due date. */
export const CalendarEventSchema = z.object({
  date: z.string(),
  kind: z.enum(["deadline", "milestone", "due_date", "report_due"]),
  taskId: z.string(),
  ref: z.string(),
  text: z.string(),
  label: z.string().nullable(),
  leads: z.array(z.string()),
  isDone: z.boolean(),
});
export const CalendarListSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(CalendarEventSchema),
});

const Label = z.object({ vi: z.string(), en: z.string() });
const DEADLINE_STATUSES = [
  "not_started",
  "in_progress_on_time",
  "overdue",
  "completed_on_time",
  "completed_late",
] as const;

/** One task's full verdict as of a date: status, due date, each milestone, each reporting period. */
export const TaskStatusDetailSchema = z.object({
  taskId: z.string(),
  programmeId: z.string(),
  ref: z.string(),
  asOf: z.string(),
  kind: z.enum(["dated", "ongoing", "undated"]),
  timeframe: z.object({ kind: z.string(), text: z.string().nullable() }),
  status: z.enum(TASK_STATUSES),
  statusLabel: Label,
  progress: z.number().nullable(),
  hasPendingCompletion: z.boolean(),
  isReturned: z.boolean(),
  due: z.string().nullable(),
  dueSource: z.enum(["timeframe", "recorded"]).nullable(),
  directive: z.string().nullable(),
  completedOn: z.string().nullable(),
  daysOverdue: z.number(),
  daysLate: z.number(),
  overdueBucket: z.enum(OVERDUE_BUCKETS).nullable(),
  overdueBucketLabel: z.string().nullable(),
  milestones: z
    .array(
      z.object({
        due: z.string(),
        label: z.string().nullable(),
        directive: z.string().nullable(),
        status: z.enum(DEADLINE_STATUSES),
        statusLabel: Label,
        completedOn: z.string().nullable(),
        daysOverdue: z.number(),
        daysLate: z.number(),
      }),
    )
    .nullable(),
  periods: z
    .array(
      z.object({
        period: z.string(),
        label: z.string(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        reportDue: z.string().nullable(),
        state: z.enum(["reported", "not_reported", "not_yet_due"]),
        reportedOn: z.string().nullable(),
        isReportedLate: z.boolean(),
        isConfirmed: z.boolean(),
      }),
    )
    .nullable(),
  missedPeriods: z.number(),
});

/** Counts of tasks by status and, for overdue ones, by age. */
export const StatusCountsSchema = z.object({
  total: z.number(),
  byStatus: counted(TASK_STATUSES),
  overdueByBucket: counted(OVERDUE_BUCKETS),
});
export const GroupCountsSchema = StatusCountsSchema.extend({ name: z.string() });

/** A programme's dashboard as of a date. */
export const DashboardSchema = z.object({
  asOf: z.string(),
  programme: z.object({
    id: z.string(),
    number: z.string().nullable(),
    title: z.string().nullable(),
    period: z.object({ start: z.string(), end: z.string() }),
  }),
  summary: StatusCountsSchema,
  byDirecting: z.array(GroupCountsSchema),
  byLeadPerson: z.array(GroupCountsSchema),
  byLeadUnit: z.array(GroupCountsSchema),
  overdueTotal: z.number(),
  overdue: z.array(StatusRowSchema),
  upcomingTotal: z.number(),
  upcoming: z.array(CalendarEventSchema),
  progressByQuarter: z.array(
    z.object({
      period: z.string(),
      label: z.string(),
      asOf: z.string(),
      total: z.number(),
      completed: z.number(),
      overdue: z.number(),
      byStatus: counted(TASK_STATUSES),
    }),
  ),
});
