/**
 * "Who does what": one row per person, unit or group named in the programme, one column per task,
 * the cell holding the role the row plays in that task (directing > lead > coordinator).
 */
import type { PartyRow } from "./programmes.repository.js";
import type { PartyRole, TaskTable } from "./programmes.tables.js";

export interface MatrixRow {
  key: string;
  name: string;
  kind: PartyRow["kind"];
  qualifier: string | null;
  personId: string | null;
  unitId: string | null;
  /** Task ref → role. */
  cells: Record<string, PartyRole>;
  counts: Record<PartyRole, number>;
}

const rank: Record<PartyRole, number> = { directing: 0, lead: 1, coordinator: 2 };

export function buildMatrix(tasks: TaskTable[], parties: PartyRow[]) {
  const refOf = new Map(tasks.map((t) => [t.id, t.ref]));
  const rows = new Map<string, MatrixRow>();
  for (const p of parties) {
    const ref = refOf.get(p.task_id);
    if (!ref) continue;
    // Linked parties are one row whatever the spelling; unlinked ones by name (and qualifier).
    const key = p.person_id
      ? `person:${p.person_id}`
      : p.unit_id
        ? `unit:${p.unit_id}`
        : `${p.kind}:${p.folded_name}|${p.qualifier ?? ""}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        name: p.person_name ?? p.unit_name ?? p.name,
        kind: p.kind,
        qualifier: p.qualifier,
        personId: p.person_id,
        unitId: p.unit_id,
        cells: {},
        counts: { directing: 0, lead: 0, coordinator: 0 },
      };
      rows.set(key, row);
    }
    const current = row.cells[ref];
    if (current === undefined) row.counts[p.role]++;
    if (current === undefined || rank[p.role] < rank[current]) {
      if (current !== undefined) {
        row.counts[current]--;
        row.counts[p.role]++;
      }
      row.cells[ref] = p.role;
    }
  }
  const kindOrder = { person: 0, unit: 1, group: 2 };
  const sorted = [...rows.values()].sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      b.counts.directing - a.counts.directing ||
      b.counts.lead - a.counts.lead ||
      a.name.localeCompare(b.name, "vi"),
  );
  return {
    columns: tasks.map((t) => ({ taskId: t.id, ref: t.ref, sectionRef: t.section_ref })),
    rows: sorted,
  };
}
