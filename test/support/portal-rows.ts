/**
 * Raw rows of the portal's two content tables, for the tests and benches that fill them directly rather than
 * through the service: thousands of texts in a bench, or data written before a migration. Each row has the
 * plain defaults of a published Vietnamese-sourced text; the caller names what differs.
 */
import { randomUUID } from "node:crypto";
import type { PortalItemTable, PortalLocalizationTable } from "../../src/modules/portal/portal.tables.js";

/** An article created and changed at `at`. */
export function portalItemRow(at: string, fields: Partial<PortalItemTable> = {}): PortalItemTable {
  return {
    id: randomUUID(),
    kind: "article",
    product_type: null,
    category_id: null,
    media_url: null,
    source_revision: 1,
    fallback_languages: "[]",
    created_by: null,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}

/** The item's text in `lang`, published at `at` (the time it was also created and changed). */
export function portalTextRow(
  itemId: string,
  lang: string,
  at: string,
  fields: Partial<PortalLocalizationTable> = {},
): PortalLocalizationTable {
  return {
    id: randomUUID(),
    item_id: itemId,
    lang,
    title: `Bài ${lang}`,
    summary: "",
    body_json: "{}",
    body_html: "",
    seo_title: null,
    seo_description: null,
    slug: `bai-${lang}-${itemId.slice(0, 8)}`,
    state: "published",
    revision: 1,
    source_revision: 1,
    search_text: "",
    edited_by: null,
    reviewed_by: null,
    published_at: at,
    first_published_at: at,
    publish_at: null,
    unpublish_at: null,
    created_at: at,
    updated_at: at,
    ...fields,
  };
}
