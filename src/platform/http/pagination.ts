/** Consistent list parameters and envelope: `?page=&pageSize=&sort=` → `{ items, page, pageSize, total }`. */
import { z } from "zod";

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** `sort=name` or `sort=-name`, restricted to the fields a list allows (never raw SQL). */
export function sortParam<const F extends readonly [string, ...string[]]>(fields: F) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(values).optional();
}

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

/** Response schema of a page of items, for the OpenAPI document. */
export function PageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
}

/** Free-text filter: trimmed, bounded, LIKE wildcards escaped by the repository. */
export const SearchText = z.string().trim().max(200).optional();

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
