/** Field-level differences between two snapshots of an entity, for the audit journal. */

export interface DiffEntry {
  path: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown> | null | undefined;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Lists every changed leaf path. Arrays are compared as whole values (their order is meaningful).
 * @example diffSnapshots({ name: "A" }, { name: "B" }) // [{ path: "name", before: "A", after: "B" }]
 */
export function diffSnapshots(before: Snapshot, after: Snapshot, prefix = ""): DiffEntry[] {
  const out: DiffEntry[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of [...keys].sort()) {
    const path = prefix ? `${prefix}.${key}` : key;
    const b = before?.[key];
    const a = after?.[key];
    if (isPlainObject(b) && isPlainObject(a)) {
      out.push(...diffSnapshots(b, a, path));
    } else if (JSON.stringify(b) !== JSON.stringify(a)) {
      out.push({ path, before: b ?? null, after: a ?? null });
    }
  }
  return out;
}
