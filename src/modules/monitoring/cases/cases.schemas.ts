/** Zod schemas of response cases (hồ sơ xử lý thông tin). */
import { z } from "zod";

export const CASE_STATES = ["open", "in_progress", "resolved", "closed"] as const;
export const ASSESSMENTS = ["accurate", "misleading", "false", "hostile"] as const;
/** Actions: information provided to the press, article or correction published, reported to the competent authority. */
export const CASE_ACTIONS = [
  "press_informed",
  "article_published",
  "correction_published",
  "reported_to_authority",
  "other",
] as const;

const Action = z
  .object({
    kind: z.enum(CASE_ACTIONS),
    note: z.string().trim().max(2000).default(""),
    at: z.iso.datetime().optional(),
  })
  .strict();
const Evidence = z
  .object({ url: z.string().url().max(2000), title: z.string().trim().max(300).default("") })
  .strict();

export const CreateCaseBody = z
  .object({
    itemId: z.string().max(100).optional(),
    storyId: z.string().max(100).optional(),
    title: z.string().trim().min(1).max(500).optional(),
    assessment: z.enum(ASSESSMENTS),
    assigneePersonId: z.string().max(100).nullable().optional(),
    assigneeUnitId: z.string().max(100).nullable().optional(),
    deadline: z.iso.date().nullable().optional(),
    taskId: z.string().max(100).nullable().optional(),
  })
  .strict();
export type CreateCase = z.infer<typeof CreateCaseBody>;

export const UpdateCaseBody = z
  .object({
    /** Optimistic lock: the version the client edited. */
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(500).optional(),
    assessment: z.enum(ASSESSMENTS).optional(),
    assigneePersonId: z.string().max(100).nullable().optional(),
    assigneeUnitId: z.string().max(100).nullable().optional(),
    deadline: z.iso.date().nullable().optional(),
    state: z.enum(CASE_STATES).optional(),
    outcome: z.string().trim().max(5000).nullable().optional(),
    taskId: z.string().max(100).nullable().optional(),
    /** Replaces the action list. */
    actions: z.array(Action).max(100).optional(),
    evidence: z.array(Evidence).max(100).optional(),
  })
  .strict();
export type UpdateCase = z.infer<typeof UpdateCaseBody>;

export const CaseQuery = z
  .object({ state: z.enum(CASE_STATES).optional(), mine: z.enum(["true", "false"]).optional() })
  .strict();
