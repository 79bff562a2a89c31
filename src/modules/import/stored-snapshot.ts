/** Reads a stored programme back into the shape the diff compares (see `import-diff.ts`). */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { PartyRow, ProgrammesRepository } from "../programmes/programmes.repository.js";
import type { TaskTable } from "../programmes/programmes.tables.js";
import { type ProgrammeSnapshot, taskFields } from "./import-diff.js";
import type { ParsedTask, Party, Timeframe } from "./parsed-programme.schema.js";

const parties = (rows: PartyRow[], role: PartyRow["role"]): Party[] =>
  rows.filter((p) => p.role === role).map((p) => ({ name: p.name, kind: p.kind, qualifier: p.qualifier }));

/** A stored task as the parser would have produced it. */
export function taskFromRows(task: TaskTable, partyRows: PartyRow[]): ParsedTask {
  return {
    ref: task.ref,
    section: task.section_ref,
    text: task.text,
    footnotes: JSON.parse(task.footnotes_json) as ParsedTask["footnotes"],
    directing: parties(partyRows, "directing"),
    leads: parties(partyRows, "lead"),
    coordinators: parties(partyRows, "coordinator"),
    products: JSON.parse(task.products_json) as string[],
    timeframe: {
      text: task.timeframe_text,
      kind: task.timeframe_kind as Timeframe["kind"],
      start: task.start_date,
      end: task.end_date,
      milestones: JSON.parse(task.milestones_json) as Timeframe["milestones"],
      plan: task.plan_ref,
    },
  };
}

export async function loadStoredSnapshot(
  db: DbOrTrx,
  programmes: ProgrammesRepository,
  programmeId: string,
): Promise<ProgrammeSnapshot | null> {
  const p = await programmes.findProgramme(db, programmeId);
  if (!p) return null;
  const tasks = await programmes.allTasks(db, programmeId);
  const partyRows = await programmes.partiesOf(
    db,
    tasks.map((t) => t.id),
  );
  return {
    document: {
      system: p.system,
      type: p.doc_type,
      typeCode: p.type_code,
      number: p.number,
      issuer: p.issuer,
      parentIssuer: p.parent_issuer,
      place: p.place,
      date: p.issued_on,
      title: p.title,
      periodStart: p.period_start,
      periodEnd: p.period_end,
    },
    tasks: tasks.map((t) => ({
      ref: t.ref,
      fields: taskFields(
        taskFromRows(
          t,
          partyRows.filter((r) => r.task_id === t.id),
        ),
      ),
    })),
  };
}
