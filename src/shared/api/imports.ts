/**
 * Request and response shapes of the import workflow (upload or paste → draft → review → commit): one
 * source for the server's validation, the OpenAPI document and the web client's types.
 */
import { z } from "zod";
import { PageQuery } from "./pagination.js";
import { ParsedProgrammeSchema, WarningSchema } from "./parsed-programme.js";

const Id = z.string().min(1).max(64);

export const DraftParams = z.object({ id: Id });

/** Drafts waiting for review by default; `all` includes committed and discarded ones. */
export const DraftListQuery = PageQuery.extend({
  status: z.enum(["draft", "committed", "discarded", "all"]).default("draft"),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}).strict();
export type DraftListQuery = z.infer<typeof DraftListQuery>;

/** One line of the drafts list: enough to recognise a document without loading it. */
export const DraftSummarySchema = z.object({
  id: z.string(),
  status: z.enum(["draft", "committed", "discarded"]),
  filename: z.string(),
  sourceType: z.string(),
  documentNumber: z.string().nullable(),
  documentTitle: z.string().nullable(),
  taskCount: z.number(),
  warningCount: z.number(),
  existingProgrammeId: z.string().nullable(),
  committedProgrammeId: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A file (base64, multipart is not used) or pasted text. */
export const CreateImportBody = z.union([
  z.strictObject({
    /** The original file name; its extension tells the parser the format. */
    filename: z.string().trim().min(1).max(255),
    /** The file's bytes, base64-encoded. */
    contentBase64: z.string().max(200_000_000),
  }),
  z.strictObject({
    /** Text pasted from a web page or a document. */
    text: z.string().max(50_000_000),
  }),
]);
export type CreateImportBody = z.infer<typeof CreateImportBody>;

export const DecisionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("link"), id: Id }),
  z.strictObject({ action: z.literal("create") }),
  z.strictObject({ action: z.literal("keep_text") }),
]);

export const UpdateImportBody = z.strictObject({
  /** The whole corrected programme (text, roles, parties, time frames, names…). */
  parsed: ParsedProgrammeSchema.optional(),
  /** Per reconciliation key (`person:do manh hieu`): link to an existing id, create new, or keep as text. */
  decisions: z.record(z.string().max(600), DecisionSchema).optional(),
  /** For a new version of a stored programme: when it applies, and which previous task each task carries on. */
  version: z
    .strictObject({
      /** The date the new version applies from; earlier statuses and reports keep the previous version. */
      effectiveFrom: z.iso.date().nullable().optional(),
      /** New task ref → the previous version's task id whose follow-up it carries (null: a new task). */
      matches: z.record(z.string().max(64), Id.nullable()).optional(),
    })
    .optional(),
});

const FollowUpCounts = z.object({
  checkIns: z.number(),
  directions: z.number(),
  dueDates: z.number(),
  cases: z.number(),
});

/** How a new version carries the previous version's follow-up (decision 0004). */
export const VersionPlanSchema = z.object({
  previousProgrammeId: z.string(),
  previousVersion: z.number(),
  previousNumber: z.string().nullable(),
  previousDate: z.string().nullable(),
  effectiveFrom: z.string(),
  earliestEffectiveFrom: z.string().nullable(),
  matches: z.array(
    z.object({
      ref: z.string(),
      previousId: z.string().nullable(),
      previousRef: z.string().nullable(),
      kind: z.enum(["kept", "changed", "new"]),
      reason: z.enum(["same_ref", "similar_text", "reviewer"]).nullable(),
      similarity: z.number().nullable(),
      changedFields: z.array(z.string()),
    }),
  ),
  removed: z.array(z.object({ id: z.string(), ref: z.string(), text: z.string() })),
  summary: z.object({ kept: z.number(), changed: z.number(), new: z.number(), removed: z.number() }),
  previousTasks: z.array(z.object({ id: z.string(), ref: z.string(), text: z.string() })),
  carriedFollowUp: FollowUpCounts,
  removedFollowUp: FollowUpCounts,
});

const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const DraftSchema = z.object({
  id: z.string(),
  status: z.enum(["draft", "committed", "discarded"]),
  filename: z.string(),
  sourceType: z.string(),
  fileId: z.string(),
  parsed: ParsedProgrammeSchema,
  /** The extracted text, one entry per line (line n is `extractedText[n - 1]`). */
  extractedText: z.array(z.string()),
  warnings: z.array(WarningSchema),
  reconciliation: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(["person", "unit", "group"]),
      status: z.enum(["exact", "near_match", "new", "ambiguous", "group"]),
      candidates: z.array(z.object({ id: z.string(), name: z.string(), distance: z.number() })),
      occurrences: z.array(
        z.object({ taskRef: z.string(), role: z.enum(["directing", "lead", "coordinator"]) }),
      ),
      decision: DecisionSchema.nullable(),
    }),
  ),
  existingProgrammeId: z.string().nullable(),
  committedProgrammeId: z.string().nullable(),
  diff: z
    .object({
      document: z.array(FieldChange),
      tasks: z.object({
        added: z.array(z.string()),
        removed: z.array(z.string()),
        changed: z.array(z.object({ ref: z.string(), changes: z.array(FieldChange) })),
        unchanged: z.number(),
      }),
      hasChanges: z.boolean(),
    })
    .nullable(),
  version: VersionPlanSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DraftDto = z.infer<typeof DraftSchema>;

export const CommitResultSchema = z.object({
  programmeId: z.string(),
  version: z.number(),
  supersededId: z.string().nullable(),
  counts: z.object({
    sections: z.number(),
    tasks: z.number(),
    parties: z.number(),
    linkedParties: z.number(),
    citations: z.number(),
  }),
  created: z.object({ people: z.number(), units: z.number() }),
  keptAsText: z.array(z.string()),
  /** Tasks whose follow-up was carried to the new version, the rows moved, and tasks removed. */
  carried: z.object({ tasks: z.number(), followUpRows: z.number(), removed: z.number() }),
});
