/**
 * The parsed programme (Zod mirror of `shared/contracts/parsed-programme.schema.json`): validates the
 * parser's output and every reviewer edit of a draft, and gives the web app its types. Unknown keys are
 * stripped (the contract allows extras); dates are ISO `YYYY-MM-DD`.
 */
import { z } from "zod";

const IsoDate = z.iso.date();
const Text = z.string().max(100_000);
const ShortText = z.string().max(2_000);

export const PartySchema = z.object({
  /** A person's full name, a unit's name, or a group phrase as written. */
  name: z.string().trim().min(1).max(500),
  kind: z.enum(["person", "unit", "group"]),
  /** What narrows a group: "ở các sở, ngành thành phố". */
  qualifier: ShortText.nullable().optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const TimeframeSchema = z.object({
  text: ShortText.nullable(),
  kind: z.enum(["period", "deadline", "ongoing", "as_directed", "per_plan", "unspecified"]),
  start: IsoDate.nullable().optional(),
  end: IsoDate.nullable().optional(),
  milestones: z
    .array(z.object({ due: IsoDate, label: ShortText.optional() }))
    .max(100)
    .optional(),
  plan: ShortText.nullable().optional(),
});
export type Timeframe = z.infer<typeof TimeframeSchema>;

export const ParsedTaskSchema = z.object({
  ref: z.string().trim().min(1).max(50),
  section: z.string().trim().min(1).max(50),
  text: Text,
  footnotes: z
    .array(z.object({ mark: z.string().max(20), anchor: ShortText.optional(), text: Text }))
    .max(200)
    .optional(),
  directing: z.array(PartySchema).max(200),
  leads: z.array(PartySchema).max(200),
  coordinators: z.array(PartySchema).max(200),
  products: z.array(ShortText).max(200).optional(),
  timeframe: TimeframeSchema,
  source: z
    .object({ lineStart: z.number().int().min(0).optional(), lineEnd: z.number().int().min(0).optional() })
    .optional(),
});
export type ParsedTask = z.infer<typeof ParsedTaskSchema>;

export const CitationSchema = z.object({
  kind: z.string().trim().min(1).max(200),
  number: z.string().trim().max(200).nullable(),
  date: IsoDate.nullable().optional(),
  issuer: ShortText.nullable().optional(),
  text: Text.optional(),
});
export type ParsedCitation = z.infer<typeof CitationSchema>;

export const WarningSchema = z.object({
  code: z.string().max(100),
  message: ShortText,
  line: z.number().int().nullable().optional(),
  taskRef: z.string().max(50).nullable().optional(),
});
export type ParseWarning = z.infer<typeof WarningSchema>;

export const DocumentSchema = z.object({
  system: z.enum(["party", "state"]).nullable(),
  type: ShortText.nullable(),
  typeCode: z.string().max(50).nullable().optional(),
  number: z.string().max(200).nullable(),
  issuer: ShortText.nullable().optional(),
  parentIssuer: ShortText.nullable().optional(),
  place: ShortText.nullable().optional(),
  date: IsoDate.nullable(),
  title: ShortText.nullable(),
  period: z.object({ start: IsoDate, end: IsoDate }).nullable().optional(),
});

/** A work programme read into data, before (or after) human review. */
export const ParsedProgrammeSchema = z.object({
  document: DocumentSchema,
  citations: z.array(CitationSchema).max(2_000),
  sections: z
    .array(
      z.object({
        ref: z.string().trim().min(1).max(50),
        heading: ShortText,
        kind: z.enum(["purpose", "tasks", "implementation", "other"]).optional(),
      }),
    )
    .max(200),
  tasks: z.array(ParsedTaskSchema).max(2_000),
  signature: z
    .object({ authority: ShortText.optional(), name: ShortText.nullable().optional() })
    .nullable()
    .optional(),
  recipients: z
    .array(z.object({ name: ShortText, purpose: ShortText.nullable().optional() }))
    .max(500)
    .optional(),
  warnings: z.array(WarningSchema).max(5_000),
});
export type ParsedProgramme = z.infer<typeof ParsedProgrammeSchema>;

/** Every party of a task with its role, in document order. */
export function taskParties(
  task: ParsedTask,
): { role: "directing" | "lead" | "coordinator"; party: Party }[] {
  return [
    ...task.directing.map((party) => ({ role: "directing" as const, party })),
    ...task.leads.map((party) => ({ role: "lead" as const, party })),
    ...task.coordinators.map((party) => ({ role: "coordinator" as const, party })),
  ];
}
