/**
 * Paged lists, fast. A small list request spends most of its time in two places besides reading
 * the rows: building and compiling the Kysely query (~50 µs) and counting the total (~30 µs for
 * 500 rows, growing with the table). Both are avoidable without changing what the list returns:
 *
 * - **Shapes.** A list's SQL depends only on its shape — which filters are present and the sort —
 *   never on the values. Each shape is compiled once with placeholders in place of the values, and
 *   every later call binds its own values into the same SQL.
 * - **Totals.** On SQLite one cheap statement tells whether anything was written since a total was
 *   counted: `total_changes()` moves with every write of this connection and `data_version` with
 *   every commit of another one (a CLI import beside the server). So a total is counted again only
 *   after a write. PostgreSQL has no such signal across worker processes: there the total travels
 *   with the rows as a scalar subquery, one round trip.
 */
import type SQLite from "better-sqlite3";
import { type Compilable, CompiledQuery } from "kysely";
import type { DbOrTrx, DialectName } from "./database.js";

const SLOT = "\u0000slot:";

type Values = Record<string, unknown>;

interface Shape {
  compiled: CompiledQuery<unknown>;
  /** For each parameter of the compiled SQL: the name of the value to bind, or null for a constant. */
  slots: (string | null)[];
}

/**
 * `build` receives placeholders for the values (undefined stays undefined, so `if (v.unitId)` still
 * tells whether a filter is present) and must hand each to Kysely as a whole value, not inside a
 * larger string: that is checked on a shape's first compile, since a placeholder hidden in a string
 * would freeze the first caller's value into the SQL. Anything else that changes the SQL (a sort, a
 * flag) belongs in the shape's name, not in the values.
 */
function compileShape<V extends Values>(
  shape: string,
  values: V,
  build: (v: V) => Compilable<unknown>,
): Shape {
  const placeholders = Object.fromEntries(
    Object.entries(values).map(([k, value]) => [k, value === undefined ? undefined : `${SLOT}${k}`]),
  ) as V;
  const compiled = build(placeholders).compile();
  const slots = compiled.parameters.map((p) => {
    if (typeof p !== "string" || !p.includes(SLOT)) return null;
    if (!p.startsWith(SLOT) || !(p.slice(SLOT.length) in values))
      throw new Error(`List shape ${shape}: a value was used inside a larger string`);
    return p.slice(SLOT.length);
  });
  return { compiled, slots };
}

function bind<R>(shape: Shape, values: Values): CompiledQuery<R> {
  const parameters = shape.slots.map((name, i) =>
    name === null ? shape.compiled.parameters[i] : values[name],
  );
  return { ...shape.compiled, parameters } as CompiledQuery<R>;
}

export interface PageRequest<V extends Values, R> {
  /** Everything that changes the SQL (filters present, sort field and direction). */
  shape: string;
  /** The values bound into it. `limit` and `offset` are the page. */
  values: V & { limit: number; offset: number };
  /** The page's rows; with `withTotal`, each row also carries the count as `total_count`. */
  rows: (v: V & { limit: number; offset: number }, withTotal: boolean) => Compilable<R>;
  /** The count of every matching row, as `n`. */
  count: (v: V) => Compilable<{ n: number | string }>;
}

const VERSION = CompiledQuery.raw(
  "select total_changes() || ':' || data_version as v from pragma_data_version()",
);

/**
 * One per database: compiled SQL is dialect-specific. On SQLite, pass the raw handle so the write
 * check runs as a direct call instead of a query through Kysely's connection queue.
 */
export function createListQueries(
  dialect: DialectName,
  options: { sqlite?: SQLite.Database; maxShapes?: number; maxTotals?: number } = {},
) {
  const { maxShapes = 500, maxTotals = 2000 } = options;
  // Two plain statements cost less than one over the pragma_data_version() table function.
  const ownWrites = options.sqlite?.prepare("select total_changes()").pluck();
  const otherCommits = options.sqlite?.prepare("pragma data_version").pluck();
  const shapes = new Map<string, Shape>();
  const totals = new Map<string, { version: string; n: number }>();

  function shapeOf<V extends Values>(name: string, values: V, build: (v: V) => Compilable<unknown>) {
    // Which values are present is part of the shape: an absent filter leaves its condition out.
    let key = name;
    for (const k in values) if (values[k] !== undefined) key += `,${k}`;
    let shape = shapes.get(key);
    if (!shape) {
      shape = compileShape(key, values, build);
      if (shapes.size >= maxShapes) shapes.delete(shapes.keys().next().value as string);
      shapes.set(key, shape);
    }
    return shape;
  }

  async function version(db: DbOrTrx): Promise<string> {
    if (ownWrites && otherCommits) return `${ownWrites.get()}:${otherCommits.get()}`;
    const { rows } = await db.executeQuery<{ v: string }>(VERSION);
    return rows[0]?.v ?? "";
  }

  async function sqliteTotal(db: DbOrTrx, count: CompiledQuery<{ n: number | string }>) {
    const key = `${count.sql}\u0001${JSON.stringify(count.parameters)}`;
    const now = await version(db);
    const known = totals.get(key);
    if (known && known.version === now) return known.n;
    const n = Number((await db.executeQuery(count)).rows[0]?.n ?? 0);
    if (totals.size >= maxTotals) totals.delete(totals.keys().next().value as string);
    totals.set(key, { version: now, n });
    return n;
  }

  return {
    /** Executes a query compiled once per shape (for non-paged reads that are hot). */
    async rows<V extends Values, R>(db: DbOrTrx, key: string, values: V, build: (v: V) => Compilable<R>) {
      const shape = shapeOf(key, values, build);
      return (await db.executeQuery(bind<R>(shape, values))).rows;
    },

    async page<V extends Values, R>(
      db: DbOrTrx,
      req: PageRequest<V, R>,
    ): Promise<{ rows: R[]; total: number }> {
      const { values } = req;
      const countShape = shapeOf(`${req.shape}#count`, values, req.count);
      const count = bind<{ n: number | string }>(countShape, values);
      if (dialect === "sqlite") {
        const total = await sqliteTotal(db, count);
        if (values.offset >= total) return { rows: [], total };
        const rowsShape = shapeOf(`${req.shape}#rows`, values, (v) => req.rows(v, false));
        return { rows: (await db.executeQuery(bind<R>(rowsShape, values))).rows, total };
      }
      const rowsShape = shapeOf(`${req.shape}#rows+total`, values, (v) => req.rows(v, true));
      const rows = (await db.executeQuery(bind<R & { total_count: number | string }>(rowsShape, values)))
        .rows;
      const first = rows[0];
      if (first) return { rows, total: Number(first.total_count) };
      // Past the last page there are no rows to carry the total.
      return {
        rows,
        total: values.offset === 0 ? 0 : Number((await db.executeQuery(count)).rows[0]?.n ?? 0),
      };
    },
  };
}

export type ListQueries = ReturnType<typeof createListQueries>;
