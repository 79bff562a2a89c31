/** Portal rows → API shapes. */
import type {
  PortalItem,
  PortalItemKind,
  PortalLanguage,
  PortalLocalization,
  PortalProductType,
  PortalState,
  RichTextDoc,
} from "../../shared/api/portal.js";
import type { PortalItemTable, PortalLocalizationTable, PortalRevisionTable } from "./portal.tables.js";

export const parseLanguages = (json: string): PortalLanguage[] => JSON.parse(json) as PortalLanguage[];

/** The public path of a localisation (`/en/hai-phong-port-city`). */
export const publicPath = (lang: string, slug: string) => `/${lang}/${encodeURIComponent(slug)}`;

export function presentLocalization(row: PortalLocalizationTable, item: PortalItemTable): PortalLocalization {
  return {
    lang: row.lang as PortalLanguage,
    title: row.title,
    summary: row.summary,
    body: JSON.parse(row.body_json) as RichTextDoc,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    slug: row.slug,
    state: row.state as PortalState,
    revision: row.revision,
    sourceRevision: row.source_revision,
    isOutdated: row.lang !== "vi" && row.source_revision < item.source_revision,
    editedBy: row.edited_by,
    reviewedBy: row.reviewed_by,
    publishedAt: row.published_at,
    publishAt: row.publish_at,
    unpublishAt: row.unpublish_at,
    publicPath: publicPath(row.lang, row.slug),
    updatedAt: row.updated_at,
  };
}

export function presentItem(
  item: PortalItemTable,
  extra: { localizations: PortalLocalizationTable[]; tags: string[]; topics: string[]; views: number },
): PortalItem {
  return {
    id: item.id,
    kind: item.kind as PortalItemKind,
    productType: item.product_type as PortalProductType | null,
    categoryId: item.category_id,
    mediaUrl: item.media_url,
    sourceRevision: item.source_revision,
    fallbackLanguages: parseLanguages(item.fallback_languages),
    tags: extra.tags,
    topics: extra.topics,
    localizations: extra.localizations.map((l) => presentLocalization(l, item)),
    views: extra.views,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
  };
}

export const presentRevision = (r: PortalRevisionTable) => ({
  revision: r.revision,
  title: r.title,
  slug: r.slug,
  sourceRevision: r.source_revision,
  createdBy: r.created_by,
  createdAt: r.created_at,
});
