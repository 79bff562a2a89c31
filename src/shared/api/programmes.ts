/**
 * Request and response shapes of the programmes API (documents, tasks, the "who does what" matrix, the
 * timeline by quarter, the citation registry): one source for the server's validation, the OpenAPI
 * document and the web client's types.
 */
import { z } from "zod";
import { PageQuery, SearchText } from "./pagination.js";
import { TimeframeSchema } from "./parsed-programme.js";

const Id = z.string().min(1).max(64);
export const TIMEFRAME_KINDS = TimeframeSchema.shape.kind.options;
export type TimeframeKind = (typeof TIMEFRAME_KINDS)[number];
export const PARTY_ROLES = ["directing", "lead", "coordinator"] as const;
export const PARTY_KINDS = ["person", "unit", "group"] as const;

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
  role: z.enum(PARTY_ROLES).optional(),
  timeframeKind: z.enum(TIMEFRAME_KINDS).optional(),
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

/** A programme document (one version of it). */
export const ProgrammeSchema = z.object({
  id: z.string(),
  /** `party` or `state` document system; null when the parser could not tell. */
  system: z.enum(["party", "state"]).nullable(),
  type: z.string().nullable(),
  typeCode: z.string().nullable(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  parentIssuer: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  period: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** The signature block as parsed (authority, name), or null. */
  signature: z.unknown(),
  /** The recipients ("Nơi nhận") as parsed. */
  recipients: z.array(z.unknown()),
  version: z.number(),
  supersedesId: z.string().nullable(),
  status: z.enum(["active", "superseded"]),
  sourceFileId: z.string().nullable(),
  createdAt: z.string(),
  /** In lists: the number of tasks. */
  taskCount: z.number().optional(),
});

/** A programme with its sections, task counts, versions and the tasks later versions dropped. */
export const ProgrammeDetailSchema = ProgrammeSchema.extend({
  sections: z.array(z.object({ ref: z.string(), heading: z.string(), kind: z.string().nullable() })),
  counts: z.object({
    tasks: z.number(),
    bySection: z.record(z.string(), z.number()),
    byTimeframeKind: z.record(z.string(), z.number()),
  }),
  versions: z.array(
    z.object({ id: z.string(), version: z.number(), status: z.string(), createdAt: z.string() }),
  ),
  /** The date this version applies from (null: from the start). */
  effectiveFrom: z.string().nullable(),
  /** Tasks earlier versions had and this one dropped; their follow-up stays with them. */
  removedTasks: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      text: z.string(),
      removedOn: z.string().nullable(),
      version: z.number(),
    }),
  ),
});

/** A party of a task (person, unit or group), linked to the directory when reconciled. */
export const TaskPartySchema = z.object({
  role: z.enum(PARTY_ROLES),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  qualifier: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const TaskSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  ref: z.string(),
  section: z.string(),
  kind: z.enum(["general", "specific"]),
  text: z.string(),
  footnotes: z.array(z.object({ mark: z.string(), anchor: z.string().optional(), text: z.string() })),
  products: z.array(z.string()),
  directing: z.array(TaskPartySchema),
  leads: z.array(TaskPartySchema),
  coordinators: z.array(TaskPartySchema),
  timeframe: z.object({
    text: z.string().nullable(),
    kind: z.enum(TIMEFRAME_KINDS),
    start: z.string().nullable(),
    end: z.string().nullable(),
    milestones: z.array(z.object({ due: z.string(), label: z.string().optional() })),
    plan: z.string().nullable(),
  }),
  /** Set by the secretariat for `as_directed` / `per_plan` tasks. */
  dueDate: z.string().nullable(),
  source: z.object({ lineStart: z.number().nullable(), lineEnd: z.number().nullable() }),
});

/** A task with its programme and the documents it cites. */
export const TaskDetailSchema = TaskSchema.extend({
  programme: z.object({
    id: z.string(),
    number: z.string().nullable(),
    title: z.string().nullable(),
    version: z.number(),
  }),
  citations: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      number: z.string().nullable(),
      date: z.string().nullable(),
      issuer: z.string().nullable(),
      text: z.string(),
    }),
  ),
});

/** Who does what: one row per party, one column per task. */
export const MatrixSchema = z.object({
  columns: z.array(z.object({ taskId: z.string(), ref: z.string(), sectionRef: z.string() })),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(PARTY_KINDS),
      qualifier: z.string().nullable(),
      personId: z.string().nullable(),
      unitId: z.string().nullable(),
      /** Task ref → role. */
      cells: z.record(z.string(), z.enum(PARTY_ROLES)),
      counts: z.object({ directing: z.number(), lead: z.number(), coordinator: z.number() }),
    }),
  ),
});

export const TimelineTaskSchema = z.object({
  id: z.string(),
  ref: z.string(),
  timeframeKind: z.enum(TIMEFRAME_KINDS),
  timeframeText: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  milestones: z.array(z.string()),
});

/** Tasks by quarter of a year, and the lanes of tasks without dates in it. */
export const TimelineSchema = z.object({
  year: z.number(),
  quarters: z.array(
    z.object({ quarter: z.number(), start: z.string(), end: z.string(), tasks: z.array(TimelineTaskSchema) }),
  ),
  lanes: z.object({
    ongoing: z.array(TimelineTaskSchema),
    as_directed: z.array(TimelineTaskSchema),
    per_plan: z.array(TimelineTaskSchema),
    unspecified: z.array(TimelineTaskSchema),
    outside: z.array(TimelineTaskSchema),
  }),
});

/** A cited document of the registry, with the programmes and tasks citing it. */
export const CitationEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  programmes: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      title: z.string().nullable(),
      version: z.number(),
      status: z.string(),
    }),
  ),
  tasks: z.array(
    z.object({ id: z.string(), ref: z.string().nullable(), programmeId: z.string(), text: z.string() }),
  ),
});
