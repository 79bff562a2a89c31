/**
 * Writes a reviewed programme inside the caller's transaction: the programme (a new version when the
 * same document exists), sections, tasks, task parties linked per the reviewer's decisions (new
 * people and units created and audited), and citations with their links. Every row is audited.
 * A new version carries each matched task's follow-up to its new row (decision 0004).
 */
import type { RequestContext } from "../../platform/context.js";
import type { DbOrTrx } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AuditService } from "../audit/audit.service.js";
import type { DirectoryRepository } from "../directory/directory.repository.js";
import type { PeopleService } from "../directory/people.service.js";
import type { UnitsService } from "../directory/units.service.js";
import type { CitationsRepository } from "../programmes/citations.repository.js";
import { programmeIdentityKey } from "../programmes/programme-identity.js";
import type { ProgrammeVersionsRepository } from "../programmes/programme-versions.repository.js";
import type { ProgrammesRepository } from "../programmes/programmes.repository.js";
import type { ProgrammeTable, TaskKind, TaskPartyTable, TaskTable } from "../programmes/programmes.tables.js";
import { writeCitations } from "./import-citations.js";
import type { ParsedProgramme, ParsedTask } from "./parsed-programme.schema.js";
import { taskParties } from "./parsed-programme.schema.js";
import { type Decision, partyKey } from "./reconcile.service.js";

export interface CommitDeps {
  programmes: ProgrammesRepository;
  citations: CitationsRepository;
  directory: DirectoryRepository;
  people: Pick<PeopleService, "insert">;
  units: Pick<UnitsService, "insert">;
  audit: AuditService;
  versions: ProgrammeVersionsRepository;
}

/** The version a commit supersedes and how its tasks carry forward. */
export interface PreviousVersion {
  programme: ProgrammeTable;
  /** New task ref → the previous version's task whose follow-up it carries. */
  matches: ReadonlyMap<string, string>;
  /** The date the new version applies from (null: from the start, replacing the previous one). */
  effectiveFrom: string | null;
}

export interface CommitInput {
  parsed: ParsedProgramme;
  decisions: Record<string, Decision>;
  fileId: string;
  /** The previous version (undefined: looked up by the document's identity, every task new). */
  previous?: PreviousVersion | null;
}

export interface CommitResult {
  programme: ProgrammeTable;
  supersededId: string | null;
  counts: { sections: number; tasks: number; parties: number; linkedParties: number; citations: number };
  created: { people: number; units: number };
  /** Tasks that carried their follow-up forward, the follow-up rows moved, and tasks removed. */
  carried: { tasks: number; followUpRows: number; removed: number };
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/** "NHIỆM VỤ CHUNG" holds general tasks; everything else is specific. */
function taskKindOf(parsed: ParsedProgramme, task: ParsedTask): TaskKind {
  const section = parsed.sections.find((s) => s.ref === task.section);
  return section && /\bchung\b/.test(foldVietnamese(section.heading)) ? "general" : "specific";
}

export async function commitProgramme(
  trx: DbOrTrx,
  ctx: RequestContext,
  deps: CommitDeps,
  input: CommitInput,
): Promise<CommitResult> {
  const { programmes, citations, people, audit } = deps;
  const { parsed, decisions } = input;
  const doc = parsed.document;
  const now = nowIso();
  const actorId = ctx.actor?.userId ?? null;

  const identityKey = programmeIdentityKey(doc);
  const existing =
    input.previous !== undefined
      ? (input.previous?.programme ?? undefined)
      : identityKey
        ? await programmes.findActiveByIdentity(trx, identityKey)
        : undefined;
  const previousTasks = new Map(
    existing ? (await programmes.allTasks(trx, existing.id)).map((t) => [t.id, t]) : [],
  );
  const matches = input.previous?.matches ?? new Map<string, string>();
  if (existing) {
    await programmes.setStatus(trx, existing.id, "superseded");
    await audit.record(trx, ctx, {
      entityType: "programme",
      entityId: existing.id,
      action: "supersede",
      before: { status: existing.status, version: existing.version },
      after: { status: "superseded", version: existing.version },
    });
  }

  const programme: ProgrammeTable = {
    id: newId(),
    system: doc.system,
    doc_type: doc.type,
    type_code: doc.typeCode ?? null,
    number: doc.number,
    issuer: doc.issuer ?? null,
    parent_issuer: doc.parentIssuer ?? null,
    identity_key: identityKey,
    place: doc.place ?? null,
    issued_on: doc.date,
    title: doc.title,
    period_start: doc.period?.start ?? null,
    period_end: doc.period?.end ?? null,
    signature_json: parsed.signature ? json(parsed.signature) : null,
    recipients_json: json(parsed.recipients ?? []),
    version: existing ? existing.version + 1 : 1,
    supersedes_id: existing?.id ?? null,
    status: "active",
    effective_from: existing ? (input.previous?.effectiveFrom ?? null) : null,
    source_file_id: input.fileId,
    created_at: now,
    created_by: actorId,
  };
  await programmes.insertProgramme(trx, programme);
  const { signature_json, recipients_json, ...programmeSnapshot } = programme;
  await audit.record(trx, ctx, {
    entityType: "programme",
    entityId: programme.id,
    action: "import",
    after: { ...programmeSnapshot, signature: parsed.signature ?? null, recipients: parsed.recipients ?? [] },
  });

  for (const [position, section] of parsed.sections.entries()) {
    const row = {
      id: newId(),
      programme_id: programme.id,
      ref: section.ref,
      heading: section.heading,
      kind: section.kind ?? null,
      position,
    };
    await programmes.insertSection(trx, row);
    await audit.record(trx, ctx, {
      entityType: "programme_section",
      entityId: row.id,
      action: "create",
      after: row,
    });
  }

  // Resolve each decision once: a name created for one task is linked everywhere it appears.
  const resolved = new Map<string, { personId: string | null; unitId: string | null }>();
  const created = { people: 0, units: 0 };
  async function resolve(kind: "person" | "unit" | "group", name: string) {
    if (kind === "group") return { personId: null, unitId: null };
    const key = partyKey(kind, name);
    const known = resolved.get(key);
    if (known) return known;
    const decision = decisions[key] ?? { action: "keep_text" };
    let link = { personId: null as string | null, unitId: null as string | null };
    if (decision.action === "link") {
      link =
        kind === "person" ? { personId: decision.id, unitId: null } : { personId: null, unitId: decision.id };
    } else if (decision.action === "create" && kind === "person") {
      const person = await people.insert(trx, ctx, { fullName: name.trim() });
      created.people++;
      link = { personId: person.id, unitId: null };
    } else if (decision.action === "create") {
      link = { personId: null, unitId: await createUnit(trx, ctx, deps, name.trim()) };
      created.units++;
    }
    resolved.set(key, link);
    return link;
  }

  let partyCount = 0;
  let linkedCount = 0;
  const carried = { tasks: 0, followUpRows: 0, removed: 0 };
  const taskIds = new Map<string, string>();
  for (const [position, task] of parsed.tasks.entries()) {
    const previousId = matches.get(task.ref);
    const previous = previousId ? previousTasks.get(previousId) : undefined;
    const id = newId();
    const row: TaskTable = {
      id,
      lineage_id: previous?.lineage_id ?? id,
      programme_id: programme.id,
      ref: task.ref,
      section_ref: task.section,
      position,
      kind: taskKindOf(parsed, task),
      text: task.text,
      folded_text: foldVietnamese(task.text),
      footnotes_json: json(task.footnotes ?? []),
      products_json: json(task.products ?? []),
      timeframe_text: task.timeframe.text,
      timeframe_kind: task.timeframe.kind,
      start_date: task.timeframe.start ?? null,
      end_date: task.timeframe.end ?? null,
      milestones_json: json(task.timeframe.milestones ?? []),
      plan_ref: task.timeframe.plan ?? null,
      // A due date the secretariat set on the previous version still holds.
      due_date: previous?.due_date ?? null,
      source_line_start: task.source?.lineStart ?? null,
      source_line_end: task.source?.lineEnd ?? null,
      created_at: now,
      updated_at: now,
    };
    await programmes.insertTask(trx, row);
    taskIds.set(task.ref, row.id);
    const { folded_text, ...taskSnapshot } = row;
    await audit.record(trx, ctx, {
      entityType: "task",
      entityId: row.id,
      action: "create",
      after: taskSnapshot,
    });
    if (previous) {
      const moved = await deps.versions.moveFollowUp(trx, previous.id, row.id);
      carried.tasks++;
      carried.followUpRows += moved;
      await audit.record(trx, ctx, {
        entityType: "task",
        entityId: row.id,
        action: "carry_follow_up",
        before: { taskId: previous.id, ref: previous.ref, programmeId: previous.programme_id },
        after: { taskId: row.id, ref: row.ref, programmeId: programme.id, followUpRows: moved },
      });
    }

    for (const [index, { role, party }] of taskParties(task).entries()) {
      const link = await resolve(party.kind, party.name);
      const partyRow: TaskPartyTable = {
        id: newId(),
        task_id: row.id,
        role,
        kind: party.kind,
        name: party.name,
        folded_name: foldVietnamese(party.name),
        qualifier: party.qualifier ?? null,
        person_id: link.personId,
        unit_id: link.unitId,
        position: index,
      };
      await programmes.insertParty(trx, partyRow);
      const { folded_name, ...partySnapshot } = partyRow;
      await audit.record(trx, ctx, {
        entityType: "task_party",
        entityId: partyRow.id,
        action: "create",
        after: partySnapshot,
      });
      partyCount++;
      if (link.personId || link.unitId) linkedCount++;
    }
  }

  await writeCitations(trx, ctx, { citations, audit }, { parsed, programmeId: programme.id, taskIds, now });
  if (existing) {
    carried.removed = previousTasks.size - carried.tasks;
    // Its follow-up moved: a cached load of the previous version must be rebuilt.
    await deps.versions.touchFollowUp(trx, existing.id);
  }

  return {
    programme,
    supersededId: existing?.id ?? null,
    counts: {
      sections: parsed.sections.length,
      tasks: parsed.tasks.length,
      parties: partyCount,
      linkedParties: linkedCount,
      citations: parsed.citations.length,
    },
    created,
    carried,
  };
}

/** A unit proposed by an import: created as type "other" for the secretariat to complete. */
async function createUnit(trx: DbOrTrx, ctx: RequestContext, deps: CommitDeps, name: string) {
  return (await deps.units.insert(trx, ctx, { name, type: "other" })).id;
}
