/** Consistent list parameters and envelope: `?page=&pageSize=&sort=` → `{ items, page, pageSize, total }`. */
export { PageQuery, PageSchema, SearchText, sortParam } from "../../shared/api/pagination.js";

export function parseSort<F extends string>(
  sort: string | undefined,
  fallback: F,
): { field: F; direction: "asc" | "desc" } {
  if (!sort) return { field: fallback, direction: "asc" };
  return sort.startsWith("-")
    ? { field: sort.slice(1) as F, direction: "desc" }
    : { field: sort as F, direction: "asc" };
}

export const toLimitOffset = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

export function pageOf<T>(items: T[], total: number, q: { page: number; pageSize: number }) {
  return { items, page: q.page, pageSize: q.pageSize, total };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
