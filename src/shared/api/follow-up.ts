/**
 * Request shapes of the follow-up API (check-ins, evidence, directions, due dates, holidays): one
 * source for the server's validation, its OpenAPI document and the web client's types (`z.infer`).
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
