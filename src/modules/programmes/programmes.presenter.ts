/** Programme, task, party and citation rows → API shapes. */
import type { z } from "zod";
import type { ProgrammeSchema, TaskSchema } from "../../shared/api/programmes.js";
import type { CitationsRepository } from "./citations.repository.js";
import type { PartyRow } from "./programmes.repository.js";
import type { ProgrammeSectionTable, ProgrammeTable, TaskTable } from "./programmes.tables.js";

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

type Task = z.infer<typeof TaskSchema>;

export function presentProgramme(
  p: ProgrammeTable & { task_count?: number },
): z.infer<typeof ProgrammeSchema> {
  return {
    id: p.id,
    system: p.system as z.infer<typeof ProgrammeSchema>["system"],
    type: p.doc_type,
    typeCode: p.type_code,
    number: p.number,
    issuer: p.issuer,
    parentIssuer: p.parent_issuer,
    place: p.place,
    date: p.issued_on,
    title: p.title,
    period: p.period_start && p.period_end ? { start: p.period_start, end: p.period_end } : null,
    signature: parse<unknown>(p.signature_json, null),
    recipients: parse<unknown[]>(p.recipients_json, []),
    version: p.version,
    supersedesId: p.supersedes_id,
    status: p.status,
    sourceFileId: p.source_file_id,
    createdAt: p.created_at,
    ...(p.task_count !== undefined && { taskCount: p.task_count }),
  };
}

export const presentSection = (s: ProgrammeSectionTable) => ({
  ref: s.ref,
  heading: s.heading,
  kind: s.kind,
});

export function presentParty(p: PartyRow) {
  return {
    role: p.role,
    kind: p.kind,
    name: p.name,
    qualifier: p.qualifier,
    personId: p.person_id,
    personName: p.person_name,
    unitId: p.unit_id,
    unitName: p.unit_name,
  };
}

export function presentTask(t: TaskTable, parties: PartyRow[]): Task {
  const mine = parties.filter((p) => p.task_id === t.id).map(presentParty);
  return {
    id: t.id,
    programmeId: t.programme_id,
    ref: t.ref,
    section: t.section_ref,
    kind: t.kind,
    text: t.text,
    footnotes: parse<Task["footnotes"]>(t.footnotes_json, []),
    products: parse<string[]>(t.products_json, []),
    directing: mine.filter((p) => p.role === "directing"),
    leads: mine.filter((p) => p.role === "lead"),
    coordinators: mine.filter((p) => p.role === "coordinator"),
    timeframe: {
      text: t.timeframe_text,
      kind: t.timeframe_kind as Task["timeframe"]["kind"],
      start: t.start_date,
      end: t.end_date,
      milestones: parse<Task["timeframe"]["milestones"]>(t.milestones_json, []),
      plan: t.plan_ref,
    },
    dueDate: t.due_date,
    source: { lineStart: t.source_line_start, lineEnd: t.source_line_end },
  };
}

type CitationRow = Awaited<ReturnType<CitationsRepository["list"]>>["rows"][number];
type LinkRow = Awaited<ReturnType<CitationsRepository["linksOf"]>>[number];

export function presentCitation(c: CitationRow, links: LinkRow[]) {
  const mine = links.filter((l) => l.citation_id === c.id);
  const programmes = new Map<
    string,
    { id: string; number: string | null; title: string | null; version: number; status: string }
  >();
  for (const l of mine)
    programmes.set(l.programme_id, {
      id: l.programme_id,
      number: l.programme_number,
      title: l.programme_title,
      version: l.programme_version,
      status: l.programme_status,
    });
  return {
    id: c.id,
    kind: c.kind,
    number: c.number,
    date: c.issued_on,
    issuer: c.issuer,
    programmes: [...programmes.values()],
    tasks: mine
      .filter((l) => l.task_id)
      .map((l) => ({ id: l.task_id as string, ref: l.task_ref, programmeId: l.programme_id, text: l.text })),
  };
}
