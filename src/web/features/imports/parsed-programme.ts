/**
 * The parsed programme as the import API sends it (types inferred from `src/shared/api/parsed-programme.ts`),
 * plus pure helpers the review screen uses to edit it immutably.
 */
import type { z } from "zod";
import {
  type CitationSchema,
  type ParsedProgrammeSchema,
  type ParsedTaskSchema,
  type PartySchema,
  TimeframeSchema,
  type WarningSchema,
} from "../../../shared/api/parsed-programme";
import { foldVietnamese } from "../../../shared/text/fold";

export type ParsedProgramme = z.infer<typeof ParsedProgrammeSchema>;
export type ParsedDocument = ParsedProgramme["document"];
export type ParsedSection = ParsedProgramme["sections"][number];
export type ParsedTask = z.infer<typeof ParsedTaskSchema>;
export type ParsedCitation = z.infer<typeof CitationSchema>;
export type ParseWarning = z.infer<typeof WarningSchema>;
export type Party = z.infer<typeof PartySchema>;
export type PartyKind = Party["kind"];
export type PartyRole = "directing" | "lead" | "coordinator";
export const PARTY_ROLES: PartyRole[] = ["directing", "lead", "coordinator"];
export type Timeframe = z.infer<typeof TimeframeSchema>;
export type TimeframeKind = Timeframe["kind"];
export const TIMEFRAME_KINDS = TimeframeSchema.shape.kind.options;
export type Milestone = NonNullable<Timeframe["milestones"]>[number];
export type Footnote = NonNullable<ParsedTask["footnotes"]>[number];
export type SourceLines = NonNullable<ParsedTask["source"]>;

/** The task field holding the parties of a role. */
export const ROLE_FIELD = { directing: "directing", lead: "leads", coordinator: "coordinators" } as const;

export function partiesOf(task: ParsedTask, role: PartyRole): Party[] {
  return task[ROLE_FIELD[role]];
}

export function withParties(task: ParsedTask, role: PartyRole, parties: Party[]): ParsedTask {
  return { ...task, [ROLE_FIELD[role]]: parties };
}

export function replaceTask(parsed: ParsedProgramme, index: number, task: ParsedTask): ParsedProgramme {
  return { ...parsed, tasks: parsed.tasks.map((t, i) => (i === index ? task : t)) };
}

/** The reconciliation key of a party, as the server computes it (`person:do manh hieu`). */
export const partyKey = (party: Pick<Party, "kind" | "name">) =>
  `${party.kind}:${foldVietnamese(party.name)}`;
