/**
 * The portal's translation aids — glossary, translation memory, glossary checks, XLIFF exchange —
 * shared by the server (validation, OpenAPI) and the web client (types).
 */
import { z } from "zod";
import { PORTAL_KNOWN_LANGUAGES } from "./portal.js";

const Id = z.string().min(1).max(64);
const TargetLang = z.enum(PORTAL_KNOWN_LANGUAGES).exclude(["vi"]);
const Term = z.string().trim().min(1).max(300);

export const GlossaryQuery = z.object({
  lang: TargetLang.optional(),
  q: z.string().trim().max(200).optional(),
});
export const GlossaryParams = z.object({ id: Id });

export const GlossaryTermBody = z.strictObject({
  lang: TargetLang,
  source: Term,
  target: Term,
  variants: z.array(Term).max(20).default([]),
  forbidden: z.array(Term).max(20).default([]),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type GlossaryTermBody = z.input<typeof GlossaryTermBody>;
export const UpdateGlossaryTermBody = GlossaryTermBody.partial().strict();

export const GlossaryTermSchema = z.object({
  id: z.string(),
  lang: z.string(),
  source: z.string(),
  target: z.string(),
  variants: z.array(z.string()),
  forbidden: z.array(z.string()),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export const GlossaryListSchema = z.object({ items: z.array(GlossaryTermSchema) });
export type GlossaryTermDto = z.infer<typeof GlossaryTermSchema>;

export const TranslationParams = z.object({ id: Id, lang: TargetLang });

const WarningSchema = z.object({
  termId: z.string(),
  kind: z.enum(["missing", "forbidden"]),
  source: z.string(),
  expected: z.string(),
  found: z.string().nullable(),
});

/** A translation checked unit by unit against the glossary. */
export const TranslationChecksSchema = z.object({
  /** The translation was made from an older revision of the Vietnamese text. */
  outdated: z.boolean(),
  sourceRevision: z.number(),
  translationSourceRevision: z.number().nullable(),
  warningCount: z.number(),
  units: z.array(
    z.object({
      unitId: z.string(),
      field: z.string(),
      source: z.string(),
      target: z.string().nullable(),
      warnings: z.array(WarningSchema),
    }),
  ),
});
export type TranslationChecks = z.infer<typeof TranslationChecksSchema>;

/**
 * Translation-memory suggestions for each unit of the Vietnamese text, and the glossary terms the unit
 * uses (with their approved rendering in the target language), shown beside the segment.
 */
export const SuggestionsSchema = z.object({
  units: z.array(
    z.object({
      /** "title", "summary", "seoTitle", "seoDescription", "body/3", "body/2.0.1", "body/5#alt". */
      unitId: z.string(),
      field: z.enum(["title", "summary", "seoTitle", "seoDescription", "body", "alt"]),
      source: z.string(),
      terms: z.array(
        z.object({
          termId: z.string(),
          source: z.string(),
          target: z.string(),
          variants: z.array(z.string()),
        }),
      ),
      matches: z.array(
        z.object({
          id: z.string(),
          score: z.number(),
          sourceText: z.string(),
          targetText: z.string(),
          removed: z.array(z.string()),
          added: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;

export const XliffExportQuery = z.object({
  lang: TargetLang,
  /** Item ids, comma separated (at most 200). */
  ids: z
    .string()
    .max(200 * 65)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(Id).min(1).max(200)),
});

export const XliffImportBody = z.strictObject({
  /** The XLIFF 2.0 document as text. */
  xliff: z
    .string()
    .min(1)
    .max(10 * 1024 * 1024),
});
export const XliffImportQuery = z.object({ lang: TargetLang });

export const XliffImportResultSchema = z.object({
  items: z.array(z.object({ itemId: z.string(), lang: z.string(), units: z.number(), title: z.string() })),
});
export type XliffImportResult = z.infer<typeof XliffImportResultSchema>;
