/**
 * Rebuttal articles (bài phản bác) of the portal linked to response cases (hồ sơ xử lý thông tin sai sự
 * thật, task 14): request and response shapes shared by the server and the web app.
 */
import { z } from "zod";
import { PORTAL_STATES } from "./portal.js";

const Id = z.string().min(1).max(64);

export const CaseRebuttalParams = z.object({ id: Id, itemId: Id });
export const CaseIdParams = z.object({ id: Id });
export const ItemIdParams = z.object({ id: Id });

/** One language of a rebuttal article. */
export const RebuttalLanguageSchema = z.object({
  lang: z.string(),
  title: z.string(),
  state: z.enum(PORTAL_STATES),
  /** Path on the public site while published, else null. */
  publicPath: z.string().nullable(),
  views: z.number().int(),
});

/** A portal item linked to a case as its rebuttal. */
export const RebuttalSchema = z.object({
  itemId: z.string(),
  kind: z.string(),
  /** The Vietnamese (source) title. */
  sourceTitle: z.string(),
  languages: z.array(RebuttalLanguageSchema),
  views: z.number().int(),
  linkedAt: z.string(),
  linkedBy: z.string().nullable(),
});
export type Rebuttal = z.infer<typeof RebuttalSchema>;

/** A case's rebuttal articles and the figures they add to it. */
export const CaseRebuttalsSchema = z.object({
  caseId: z.string(),
  items: z.array(RebuttalSchema),
  figures: z.object({
    /** Articles linked. */
    items: z.number().int(),
    /** Articles published in at least one language. */
    published: z.number().int(),
    /** Distinct languages published. */
    languages: z.number().int(),
    views: z.number().int(),
  }),
});
export type CaseRebuttals = z.infer<typeof CaseRebuttalsSchema>;

/** The response case a portal item answers, if any (shown on the item's page). */
export const ItemCaseSchema = z.object({
  case: z
    .object({
      id: z.string(),
      title: z.string(),
      state: z.string(),
      assessment: z.string(),
      linkedAt: z.string(),
    })
    .nullable(),
});
export type ItemCase = z.infer<typeof ItemCaseSchema>;
