/**
 * Request and response shapes of the training register API: courses (lớp bồi dưỡng) with their participants
 * from the directory and materials, and entries to the national external-information award (Giải thưởng
 * toàn quốc về thông tin đối ngoại). One source for the server, the OpenAPI document and the web client.
 */
import { z } from "zod";
import { PageQuery, PageSchema, SearchText } from "./pagination.js";

const Id = z.string().min(1).max(64);
const IsoDate = z.iso.date();
const Lines = z.array(z.string().trim().min(1).max(300)).max(50);

export const IdParams = z.object({ id: Id });
export const ItemParams = z.object({ id: Id, itemId: Id });

export const AWARD_CATEGORIES = ["press", "television", "radio", "online", "book", "photo", "other"] as const;
export const AWARD_RESULTS = ["pending", "not_awarded", "a", "b", "c", "consolation"] as const;
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];
export type AwardResult = (typeof AWARD_RESULTS)[number];

const CourseFields = {
  title: z.string().trim().min(1).max(300),
  startDate: IsoDate,
  /** Last day; defaults to the first. */
  endDate: IsoDate.nullable().optional(),
  location: z.string().trim().max(300).nullable().optional(),
  topics: Lines.default([]),
  trainers: Lines.default([]),
};
export const CreateCourseBody = z.strictObject(CourseFields);
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;
export const UpdateCourseBody = z.strictObject({
  title: CourseFields.title.optional(),
  startDate: IsoDate.optional(),
  endDate: CourseFields.endDate,
  location: CourseFields.location,
  topics: Lines.optional(),
  trainers: Lines.optional(),
});
export type UpdateCourseBody = z.infer<typeof UpdateCourseBody>;

/** The whole list of participants (people of the directory) with their attendance. */
export const ParticipantsBody = z.strictObject({
  participants: z.array(z.strictObject({ personId: Id, attended: z.boolean() })).max(2000),
});
export type ParticipantsBody = z.infer<typeof ParticipantsBody>;

export const MaterialBody = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1),
});

export const CourseListQuery = PageQuery.extend({
  q: SearchText,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type CourseListQuery = z.infer<typeof CourseListQuery>;
export const CourseExportQuery = CourseListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

export const CourseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  location: z.string().nullable(),
  topics: z.array(z.string()),
  trainers: z.array(z.string()),
  participants: z.number(),
  attended: z.number(),
  updatedAt: z.string(),
});
export const CoursePageSchema = PageSchema(CourseSummarySchema);
export const CourseSchema = CourseSummarySchema.extend({
  createdAt: z.string(),
  participantList: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      unitName: z.string().nullable(),
      attended: z.boolean(),
    }),
  ),
  materials: z.array(z.object({ id: z.string(), title: z.string(), fileName: z.string(), size: z.number() })),
});

const AwardFields = {
  title: z.string().trim().min(1).max(500),
  /** Authors as written on the entry form. */
  authors: z.string().trim().min(1).max(500),
  category: z.enum(AWARD_CATEGORIES),
  /** Round of the award ("Lần thứ X"). */
  round: z.string().trim().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  submittedOn: IsoDate.nullable().optional(),
  result: z.enum(AWARD_RESULTS).default("pending"),
};
export const CreateAwardEntryBody = z.strictObject(AwardFields);
export type CreateAwardEntryBody = z.infer<typeof CreateAwardEntryBody>;
export const UpdateAwardEntryBody = z.strictObject({
  title: AwardFields.title.optional(),
  authors: AwardFields.authors.optional(),
  category: AwardFields.category.optional(),
  round: AwardFields.round.optional(),
  year: AwardFields.year.optional(),
  submittedOn: AwardFields.submittedOn,
  result: z.enum(AWARD_RESULTS).optional(),
});
export type UpdateAwardEntryBody = z.infer<typeof UpdateAwardEntryBody>;

export const AwardListQuery = PageQuery.extend({
  q: SearchText,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  category: z.enum(AWARD_CATEGORIES).optional(),
  result: z.enum(AWARD_RESULTS).optional(),
});
export type AwardListQuery = z.infer<typeof AwardListQuery>;
export const AwardExportQuery = AwardListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

export const AwardEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  authors: z.string(),
  category: z.enum(AWARD_CATEGORIES),
  round: z.string(),
  year: z.number(),
  submittedOn: z.string().nullable(),
  result: z.enum(AWARD_RESULTS),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const AwardPageSchema = PageSchema(AwardEntrySchema);

/** A workbook to import (first sheet; columns as in the export). */
export const ImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(20_000_000),
});
export const ImportResultSchema = z.object({ imported: z.number() });

export type Course = z.infer<typeof CourseSchema>;
export type CourseSummary = z.infer<typeof CourseSummarySchema>;
export type CoursePage = z.infer<typeof CoursePageSchema>;
export type AwardEntry = z.infer<typeof AwardEntrySchema>;
export type AwardPage = z.infer<typeof AwardPageSchema>;
