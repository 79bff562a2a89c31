/**
 * Which library media a text refers to: `"mediaId":"<id>"` in image blocks of rich text, `/media/<id>/`
 * in addresses (a product's file). The same rule wrote the existing rows' references in migration 0027.
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const REFERENCE = new RegExp(`"mediaId":"(${UUID})"|/media/(${UUID})/`, "gi");

/** Ids (lower case) of library media referenced by these texts. */
export function referencedMediaIds(texts: readonly (string | null | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const text of texts)
    for (const m of (text ?? "").matchAll(REFERENCE)) ids.add((m[1] ?? m[2] ?? "").toLowerCase());
  ids.delete("");
  return [...ids];
}

/** The `owner` of the references made by an item's product address. */
export const ITEM_OWNER = "item";
