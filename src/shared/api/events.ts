/**
 * Request and response shapes of the events calendar API: one source for the server's validation and
 * the OpenAPI document, and for the web client's types (`z.infer`), so the two cannot drift.
 */
import { z } from "zod";

const SearchText = z.string().trim().max(200).optional();

export const EVENT_KINDS = [
  "anniversary",
  "holiday",
  "festival",
  "fair",
  "conference",
  "delegation",
  "other",
] as const;

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();

export const IdParams = z.object({ id: Id });

/** A date on the Vietnamese lunar calendar, as a user enters it. */
export const LunarDateInput = z.strictObject({
  year: z.number().int().min(1800).max(2199),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(30),
  leap: z.boolean().default(false),
});

const EventFields = {
  title: z.string().trim().min(1).max(300),
  kind: z.enum(EVENT_KINDS),
  description: z.string().trim().max(5000).nullable().optional(),
  location: z.string().trim().max(300).nullable().optional(),
  recurrence: z.enum(["none", "yearly"]).default("none"),
  /** Year of the commemorated event; anniversaries are counted from it (kỷ niệm N năm). */
  originYear: z.number().int().min(1000).max(2199).nullable().optional(),
  unitId: Id.nullable().optional(),
  /** Last solar day; defaults to the first (a one-day event). */
  endDate: IsoDate.nullable().optional(),
};

/**
 * A new event: either `startDate` (solar) or `lunarDate` (the event then follows the lunar calendar,
 * e.g. Giỗ Tổ Hùng Vương 10/3 âm lịch).
 */
export const CreateEventBody = z.strictObject({
  ...EventFields,
  startDate: IsoDate.optional(),
  lunarDate: LunarDateInput.optional(),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = z.strictObject({
  title: EventFields.title.optional(),
  kind: EventFields.kind.optional(),
  description: EventFields.description,
  location: EventFields.location,
  recurrence: z.enum(["none", "yearly"]).optional(),
  originYear: EventFields.originYear,
  unitId: EventFields.unitId,
  endDate: EventFields.endDate,
  startDate: IsoDate.optional(),
  lunarDate: LunarDateInput.optional(),
});
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

/** Occurrences in a range of at most 400 days (a month, week or year view, a list). */
export const OccurrenceQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  q: SearchText,
  kind: z.enum(EVENT_KINDS).optional(),
  /** Only round anniversaries (5, 10, 15 … years). */
  roundOnly: z.enum(["true", "false"]).optional(),
});
export type OccurrenceQuery = z.infer<typeof OccurrenceQuery>;

/**
 * The list route: the same range and filters, and a page of the sorted occurrences when `page` or
 * `pageSize` is given (the list view of a year asks 50 at a time); without either, the whole range
 * (the month and week views, a few hundred occurrences at most).
 */
export const OccurrenceListQuery = OccurrenceQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type OccurrenceListQuery = z.infer<typeof OccurrenceListQuery>;

const LunarDateSchema = z.object({ year: z.number(), month: z.number(), day: z.number(), leap: z.boolean() });

export const EventSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  description: z.string().nullable(),
  location: z.string().nullable(),
  calendar: z.enum(["solar", "lunar"]),
  startDate: z.string(),
  endDate: z.string(),
  lunarDate: LunarDateSchema.nullable(),
  /** "10/3 âm lịch" for lunar events. */
  lunarLabel: z.string().nullable(),
  recurrence: z.enum(["none", "yearly"]),
  originYear: z.number().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const OccurrenceSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  /** "Kỷ niệm 70 năm Ngày giải phóng Hải Phòng (13/5/1955 – 13/5/2025)" for anniversaries. */
  label: z.string(),
  kind: z.enum(EVENT_KINDS),
  calendar: z.enum(["solar", "lunar"]),
  startDate: z.string(),
  endDate: z.string(),
  /** Lunar date of startDate: "10/3 Ất Tỵ". */
  lunarLabel: z.string(),
  anniversary: z.number().nullable(),
  isRoundAnniversary: z.boolean(),
  location: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const OccurrenceListSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(OccurrenceSchema),
  /** Occurrences in the range matching the filters, all pages together. */
  total: z.number(),
  /** Present when a page was asked for. */
  page: z.number().optional(),
  pageSize: z.number().optional(),
});

export const LunarQuery = z.object({ date: IsoDate });
export const LunarDaySchema = z.object({
  solar: z.string(),
  lunar: LunarDateSchema,
  yearName: z.string(),
});

export const CreateFeedBody = z.strictObject({
  label: z.string().trim().min(1).max(100).default("Lịch của tôi"),
});
export const FeedSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const FeedListSchema = z.object({ items: z.array(FeedSchema) });
export const CreatedFeedSchema = FeedSchema.extend({
  /** The subscription path with its secret token: shown once, never stored in clear. */
  path: z.string(),
});
export const FeedTokenParams = z.object({ token: z.string().min(1).max(200) });

export type Occurrence = z.infer<typeof OccurrenceSchema>;
export type OccurrenceList = z.infer<typeof OccurrenceListSchema>;
export type EventDto = z.infer<typeof EventSchema>;
export type CalendarFeed = z.infer<typeof FeedSchema>;
export type CreatedCalendarFeed = z.infer<typeof CreatedFeedSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];

// --- communication plans (kế hoạch truyền thông) --------------------------------------------------

export const PLAN_CHANNELS = [
  "press",
  "television",
  "radio",
  "portal",
  "social_media",
  "outdoor",
  "publication",
  "event",
  "other",
] as const;
export type PlanChannel = (typeof PLAN_CHANNELS)[number];
/** Languages of a product, as ISO 639-1 codes. */
export const PLAN_LANGUAGES = ["vi", "en", "zh", "ja", "ko", "fr", "ru", "lo", "km"] as const;

export const PlanItemParams = z.object({ id: Id, itemId: Id });

const PlanItemFields = {
  /** The product: "Phóng sự 15 phút về 70 năm giải phóng Hải Phòng". */
  product: z.string().trim().min(1).max(500),
  channel: z.enum(PLAN_CHANNELS),
  languages: z.array(z.enum(PLAN_LANGUAGES)).min(1).max(PLAN_LANGUAGES.length).default(["vi"]),
  /** Responsible unit: its people are reminded before the deadline. */
  unitId: Id.nullable().optional(),
  deadline: IsoDate,
  /** A programme task this item is a milestone of (its own due date is left alone). */
  taskId: Id.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};

export const CreatePlanItemBody = z.strictObject(PlanItemFields);
export type CreatePlanItemBody = z.infer<typeof CreatePlanItemBody>;

export const UpdatePlanItemBody = z.strictObject({
  product: PlanItemFields.product.optional(),
  channel: PlanItemFields.channel.optional(),
  languages: z.array(z.enum(PLAN_LANGUAGES)).min(1).max(PLAN_LANGUAGES.length).optional(),
  unitId: PlanItemFields.unitId,
  deadline: IsoDate.optional(),
  taskId: PlanItemFields.taskId,
  note: PlanItemFields.note,
  /** The day the product was delivered; null reopens it. */
  doneOn: IsoDate.nullable().optional(),
});
export type UpdatePlanItemBody = z.infer<typeof UpdatePlanItemBody>;

export const PlanItemSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  product: z.string(),
  channel: z.enum(PLAN_CHANNELS),
  languages: z.array(z.string()),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  deadline: z.string(),
  taskId: z.string().nullable(),
  taskRef: z.string().nullable(),
  taskText: z.string().nullable(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  /** The deadline the responsible unit was reminded of, when it was. */
  remindedFor: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const PlanItemListSchema = z.object({ items: z.array(PlanItemSchema) });

/** Plan items across events (the register's list): filters, accent-insensitive search. */
export const PlanItemQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: SearchText,
  channel: z.enum(PLAN_CHANNELS).optional(),
  unitId: Id.optional(),
  state: z.enum(["open", "done"]).optional(),
  /**
   * Only milestones of this programme's tasks (the follow-up calendar): an item linked to an earlier
   * version's row of a task is shown with the task's row in this programme.
   */
  programmeId: Id.optional(),
});
export type PlanItemQuery = z.infer<typeof PlanItemQuery>;
export const PlanItemExportQuery = PlanItemQuery.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

export const TaskIdParams = z.object({ taskId: Id });

export type PlanItem = z.infer<typeof PlanItemSchema>;

/** An XLSX workbook of plan items to import (the export's columns), base64-encoded. */
export const PlanImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(20_000_000),
});
export const PlanImportResultSchema = z.object({ imported: z.number() });
