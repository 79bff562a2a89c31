/**
 * Request and response shapes of the foreign press visits register (đoàn phóng viên nước ngoài).
 * Reporters are personal data: their names and roles are sent only to holders of `press.personal.read`;
 * nothing more than the work needs is kept (no passport numbers, no dates of birth).
 */
import { z } from "zod";
import { CoverageDecisionBody, CoverageSchema } from "./delegations.js";
import { PageQuery, SearchText } from "./pagination.js";

export { CoverageDecisionBody, CoverageSchema };

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();
const ShortText = z.string().trim().min(1).max(300);
const Lines = z.array(z.string().trim().min(1).max(500)).max(100);

export const IdParams = z.object({ id: Id });

export const ReporterInput = z.strictObject({
  name: ShortText,
  /** Reporter, camera operator, editor… */
  role: z.string().trim().max(100).nullable().optional(),
  outlet: ShortText,
  /** The outlet's monitoring source, when it has one: its articles are proposed as coverage. */
  sourceId: Id.nullable().optional(),
  /** ISO 3166-1 alpha-2 of the outlet's country. */
  countryCode: z.string().trim().toUpperCase().length(2),
});
export type ReporterInput = z.infer<typeof ReporterInput>;

const PressVisitFields = {
  groupName: ShortText,
  startDate: IsoDate,
  endDate: IsoDate,
  /** Approval of the competent press authority (Bộ Ngoại giao): number and date. */
  approval: z
    .strictObject({
      number: ShortText,
      date: IsoDate,
      authority: z.string().trim().max(300).nullable().optional(),
    })
    .nullable()
    .optional(),
  programme: Lines.default([]),
  /** Escorting officers (cán bộ tháp tùng). */
  escorts: z.array(ShortText).max(50).default([]),
  topics: z.array(ShortText).max(50).default([]),
  materials: z.array(ShortText).max(50).default([]),
  reporters: z.array(ReporterInput).max(300).default([]),
};

export const CreatePressVisitBody = z.strictObject(PressVisitFields);
export type CreatePressVisitBody = z.infer<typeof CreatePressVisitBody>;

export const UpdatePressVisitBody = z.strictObject({
  groupName: ShortText.optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  approval: PressVisitFields.approval,
  programme: Lines.optional(),
  escorts: z.array(ShortText).max(50).optional(),
  topics: z.array(ShortText).max(50).optional(),
  materials: z.array(ShortText).max(50).optional(),
  /** Replaces the list (refused once the visit's personal data was erased). */
  reporters: z.array(ReporterInput).max(300).optional(),
});
export type UpdatePressVisitBody = z.infer<typeof UpdatePressVisitBody>;

export const PressVisitListQuery = PageQuery.extend({
  q: SearchText,
  country: z.string().trim().toUpperCase().length(2).optional(),
  year: z.coerce.number().int().min(1900).max(2199).optional(),
});
export type PressVisitListQuery = z.infer<typeof PressVisitListQuery>;

export const PressVisitExportQuery = PressVisitListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

export const PressTotalsQuery = z.object({ from: IsoDate, to: IsoDate });

/** Totals of the visits that started in a period. */
export const PressTotalsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groups: z.number(),
  /** Reporters (lượt phóng viên), counted even after their names were erased. */
  people: z.number(),
  outlets: z.number(),
  countries: z.number(),
  /** Confirmed articles by those outlets about the city. */
  articles: z.number(),
});
export type PressTotals = z.infer<typeof PressTotalsSchema>;

export const ReporterSchema = z.object({
  /** null unless the caller may read personal data, or once erased. */
  name: z.string().nullable(),
  role: z.string().nullable(),
  outlet: z.string(),
  sourceId: z.string().nullable(),
  countryCode: z.string(),
  countryName: z.string(),
});

export const PressVisitSchema = z.object({
  id: z.string(),
  groupName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  approval: z.object({ number: z.string(), date: z.string(), authority: z.string().nullable() }).nullable(),
  programme: z.array(z.string()),
  escorts: z.array(z.string()),
  topics: z.array(z.string()),
  materials: z.array(z.string()),
  reporters: z.array(ReporterSchema),
  /** Anonymous counts, kept after erasure. */
  peopleCount: z.number(),
  outlets: z.array(z.string()),
  countries: z.array(z.string()),
  /** Whether `reporters` carry names (the caller holds `press.personal.read` and nothing was erased). */
  showsPersonalData: z.boolean(),
  personalErasedAt: z.string().nullable(),
  /** Day after which the reporters' names are erased by the retention job. */
  retentionEndsOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PressVisitDto = z.infer<typeof PressVisitSchema>;

export const PressVisitListItemSchema = z.object({
  id: z.string(),
  groupName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  peopleCount: z.number(),
  outlets: z.array(z.string()),
  countries: z.array(z.string()),
  articleCount: z.number(),
});
export type PressVisitListItem = z.infer<typeof PressVisitListItemSchema>;

export const PressVisitPageSchema = z.object({
  items: z.array(PressVisitListItemSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
