/**
 * TypeScript shape of `shared/contracts/parsed-programme.schema.json`: a work programme read into data
 * before human review. The parser always emits the optional containers (`footnotes`, `products`,
 * `milestones`...) so callers never need to guard for `undefined`; the schema still accepts their absence.
 */

/** Party (Đảng) or State (Nhà nước) document system; null when neither heading nor symbol says. */
export type DocumentSystem = "party" | "state";

/** A calendar period, ISO dates. */
export interface DatePeriod {
  start: string;
  end: string;
}

/** The header of the document (issuer, number, date, title...). */
export interface ProgrammeDocument {
  system: DocumentSystem | null;
  /** Document type in words: "Chương trình", "Kế hoạch"... */
  type: string | null;
  /** Type code of the symbol: "CTr", "KH"... */
  typeCode: string | null;
  /** Number and symbol as printed, without "Số" and the colon: "02-CTr/BCĐ". */
  number: string | null;
  /** Issuing body in sentence case. */
  issuer: string | null;
  /** Body above the issuer in the header, if printed. */
  parentIssuer: string | null;
  place: string | null;
  /** Date of issue, ISO 8601. */
  date: string | null;
  /** Title as printed (case kept). */
  title: string | null;
  /** Period covered, when the title states it. */
  period: DatePeriod | null;
}

/** A cited legal or guiding document. */
export interface Citation {
  kind: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  /** The citing phrase as written. */
  text: string;
}

export type SectionKind = "purpose" | "tasks" | "implementation" | "other";

/** A Roman-numbered section (or an annex): only `tasks` sections hold tasks. */
export interface Section {
  ref: string;
  heading: string;
  kind: SectionKind;
}

export type PartyKind = "person" | "unit" | "group";

/** A person, unit or group named as directing, leading or coordinating a task. */
export interface Party {
  name: string;
  kind: PartyKind;
  /** What narrows a group: "ở các sở, ngành thành phố". Present only when printed. */
  qualifier?: string | null;
}

export type TimeframeKind = "period" | "deadline" | "ongoing" | "as_directed" | "per_plan" | "unspecified";

export interface Milestone {
  due: string;
  label?: string;
}

/** A task's time frame, as written and normalised. */
export interface Timeframe {
  text: string | null;
  kind: TimeframeKind;
  start: string | null;
  /** The due date: end of the period, or the deadline. */
  end: string | null;
  milestones: Milestone[];
  /** For per_plan: the plan's number when named ("318/KH-UBND"). */
  plan: string | null;
}

export interface Footnote {
  /** The mark as printed: "¹", "[1]", "(1)". */
  mark: string;
  /** The words the mark follows. */
  anchor?: string;
  text: string;
}

/** Lines of the extracted text (1-based, inclusive) where a task stands. */
export interface SourceSpan {
  lineStart: number;
  lineEnd: number;
}

export interface ParsedTask {
  ref: string;
  section: string;
  text: string;
  footnotes: Footnote[];
  directing: Party[];
  leads: Party[];
  coordinators: Party[];
  products: string[];
  timeframe: Timeframe;
  source: SourceSpan;
}

export interface Signature {
  authority: string;
  name: string | null;
}

export interface Recipient {
  name: string;
  purpose: string | null;
}

/** A doubt the reviewer should look at; `line` is 1-based in the extracted text. */
export interface ParseWarning {
  code: string;
  message: string;
  line: number | null;
  taskRef: string | null;
}

/** The whole parse result; matches `parsed-programme.schema.json`. */
export interface ParsedProgramme {
  document: ProgrammeDocument;
  citations: Citation[];
  sections: Section[];
  tasks: ParsedTask[];
  signature: Signature | null;
  recipients: Recipient[];
  warnings: ParseWarning[];
}
