/** Request schemas of the programmes API (responses are shaped by the presenter). */
import { z } from "zod";
import { PageQuery, SearchText } from "../../platform/http/pagination.js";

const Id = z.string().min(1).max(64);

export const IdParams = z.object({ id: Id });

export const ProgrammeQuery = PageQuery.extend({
  q: SearchText,
  /** `active` (default): current versions only; `all` includes superseded ones. */
  status: z.enum(["active", "superseded", "all"]).default("active"),
});
export type ProgrammeQuery = z.infer<typeof ProgrammeQuery>;

export const TaskQuery = PageQuery.extend({
  /** Section ref: "I", "II". */
  section: z.string().trim().min(1).max(50).optional(),
  /** Directing official: a person id or a name (accent-insensitive). */
  directing: z.string().trim().min(1).max(300).optional(),
  /** A person or unit id among the task's parties. */
  party: Id.optional(),
  /** With `party`: only in this role; alone: tasks having a party in this role. */
  role: z.enum(["directing", "lead", "coordinator"]).optional(),
  timeframeKind: z
    .enum(["period", "deadline", "ongoing", "as_directed", "per_plan", "unspecified"])
    .optional(),
  q: SearchText,
});
export type TaskQuery = z.infer<typeof TaskQuery>;

export const CitationQuery = PageQuery.extend({
  q: SearchText,
  /** Exact document number: "57-KL/TW". */
  number: z.string().trim().min(1).max(200).optional(),
  kind: z.string().trim().min(1).max(200).optional(),
});
export type CitationQuery = z.infer<typeof CitationQuery>;

export const TimelineQuery = z.object({
  /** Defaults to the year of the programme's period, else of its date. */
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});
