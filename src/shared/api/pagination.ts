/**
 * List parameters and envelope shared by the server and the web app: `?page=&pageSize=&sort=` →
 * `{ items, page, pageSize, total }`.
 */
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

/** Response schema of a page of items. */
export function PageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
}

/** A page of items as the web app receives it. */
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/** Free-text filter: trimmed, bounded, LIKE wildcards escaped by the repository. */
export const SearchText = z.string().trim().max(200).optional();
