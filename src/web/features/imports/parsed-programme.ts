/**
 * The parsed programme as the import API sends it (mirror of `shared/contracts/parsed-programme.schema.json`),
 * plus pure helpers the review screen uses to edit it immutably.
 */
import { foldVietnamese } from "../../../shared/text/fold";

export type PartyKind = "person" | "unit" | "group";
export type PartyRole = "directing" | "lead" | "coordinator";
export const PARTY_ROLES: PartyRole[] = ["directing", "lead", "coordinator"];

export const TIMEFRAME_KINDS = [
  "period",
  "deadline",
  "ongoing",
  "as_directed",
  "per_plan",
  "unspecified",
] as const;
export type TimeframeKind = (typeof TIMEFRAME_KINDS)[number];

export interface Party {
  name: string;
  kind: PartyKind;
  qualifier?: string | null;
}

export interface Milestone {
  due: string;
  label?: string;
}

export interface Timeframe {
  text: string | null;
  kind: TimeframeKind;
  start?: string | null;
  end?: string | null;
  milestones?: Milestone[];
  plan?: string | null;
}

export interface Footnote {
  mark: string;
  anchor?: string;
  text: string;
}

export interface SourceLines {
  lineStart?: number;
  lineEnd?: number;
}

export interface ParsedTask {
  ref: string;
  section: string;
  text: string;
  footnotes?: Footnote[];
  directing: Party[];
  leads: Party[];
  coordinators: Party[];
  products?: string[];
  timeframe: Timeframe;
  source?: SourceLines;
}

export interface ParsedCitation {
  kind: string;
  number: string | null;
  date?: string | null;
  issuer?: string | null;
  text?: string;
}

export interface ParseWarning {
  code: string;
  message: string;
  line?: number | null;
  taskRef?: string | null;
}

export interface ParsedDocument {
  system: "party" | "state" | null;
  type: string | null;
  typeCode?: string | null;
  number: string | null;
  issuer?: string | null;
  parentIssuer?: string | null;
  place?: string | null;
  date: string | null;
  title: string | null;
  period?: { start: string; end: string } | null;
}

export interface ParsedSection {
  ref: string;
  heading: string;
  kind?: "purpose" | "tasks" | "implementation" | "other";
}

export interface ParsedProgramme {
  document: ParsedDocument;
  citations: ParsedCitation[];
  sections: ParsedSection[];
  tasks: ParsedTask[];
  signature?: { authority?: string; name?: string | null } | null;
  recipients?: { name: string; purpose?: string | null }[];
  warnings: ParseWarning[];
}

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
