/** Course and award-entry rows → API shapes, and the labels the register and reports use. */
import type { z } from "zod";
import type {
  AwardCategory,
  AwardEntrySchema,
  AwardResult,
  CourseSchema,
  CourseSummarySchema,
} from "../../shared/api/training.js";
import type { CourseRow } from "./training.repository.js";
import type { AwardEntryTable } from "./training.tables.js";

export const AWARD_CATEGORY_LABELS: Record<AwardCategory, string> = {
  press: "Báo in",
  television: "Truyền hình",
  radio: "Phát thanh",
  online: "Báo điện tử",
  book: "Sách",
  photo: "Ảnh",
  other: "Khác",
};

export const AWARD_RESULT_LABELS: Record<AwardResult, string> = {
  pending: "Đang chấm",
  not_awarded: "Không đạt giải",
  a: "Giải A",
  b: "Giải B",
  c: "Giải C",
  consolation: "Giải Khuyến khích",
};

/** Results that count as "đạt giải". */
export const AWARDED_RESULTS: readonly AwardResult[] = ["a", "b", "c", "consolation"];

export const splitLines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function presentCourseSummary(row: CourseRow): z.infer<typeof CourseSummarySchema> {
  return {
    id: row.id,
    title: row.title,
    startDate: row.start_date,
    endDate: row.end_date,
    location: row.location,
    topics: splitLines(row.topics),
    trainers: splitLines(row.trainers),
    participants: Number(row.participant_count ?? 0),
    attended: Number(row.attended_count ?? 0),
    updatedAt: row.updated_at,
  };
}

export function presentCourse(
  row: CourseRow,
  participants: {
    person_id: string;
    full_name: string;
    position: string | null;
    unit_name: string | null;
    attended: number;
  }[],
  materials: { id: string; title: string; original_name: string; size: number }[],
): z.infer<typeof CourseSchema> {
  return {
    ...presentCourseSummary(row),
    createdAt: row.created_at,
    participantList: participants.map((p) => ({
      personId: p.person_id,
      fullName: p.full_name,
      position: p.position,
      unitName: p.unit_name,
      attended: p.attended === 1,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      title: m.title,
      fileName: m.original_name,
      size: Number(m.size),
    })),
  };
}

export const presentAwardEntry = (a: AwardEntryTable): z.infer<typeof AwardEntrySchema> => ({
  id: a.id,
  title: a.title,
  authors: a.authors,
  category: a.category as AwardCategory,
  round: a.round,
  year: Number(a.year),
  submittedOn: a.submitted_on,
  result: a.result as AwardResult,
  createdAt: a.created_at,
  updatedAt: a.updated_at,
});
