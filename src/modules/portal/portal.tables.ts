/** Tables of the external-information portal (Cổng Thông tin đối ngoại). */

export interface PortalCategoryTable {
  id: string;
  key: string;
  /** JSON object: language → name (`{"vi":"Đầu tư","en":"Investment"}`). */
  names_json: string;
  created_at: string;
}

export interface PortalItemTable {
  id: string;
  /** article | page | product */
  kind: string;
  /** For products: publication | video | infographic | album. */
  product_type: string | null;
  category_id: string | null;
  /** A product's file or link (PDF, video). */
  media_url: string | null;
  /** Revision of the Vietnamese source; translations made from an older one are outdated. */
  source_revision: number;
  /** JSON array of languages where the public site may show the Vietnamese text, with a notice. */
  fallback_languages: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PortalItemTagTable {
  item_id: string;
  tag: string;
}

export interface PortalItemTopicTable {
  item_id: string;
  topic: string;
}

export interface PortalLocalizationTable {
  id: string;
  item_id: string;
  lang: string;
  title: string;
  summary: string;
  /** ProseMirror/TipTap document JSON. */
  body_json: string;
  /** The body rendered and sanitised, ready to serve. */
  body_html: string;
  seo_title: string | null;
  seo_description: string | null;
  slug: string;
  /** draft | translating | review | approved | published */
  state: string;
  /** Number of saves of this localisation (1 for the first). */
  revision: number;
  /** The source (vi) revision this text was made from; for vi, its own current source revision. */
  source_revision: number;
  /** Folded, segmented words of title, summary and body for public search. */
  search_text: string;
  /** Who last saved the text (the translator, for a translation). */
  edited_by: string | null;
  reviewed_by: string | null;
  published_at: string | null;
  first_published_at: string | null;
  publish_at: string | null;
  unpublish_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PortalRevisionTable {
  id: string;
  localization_id: string;
  revision: number;
  title: string;
  summary: string;
  body_json: string;
  seo_title: string | null;
  seo_description: string | null;
  slug: string;
  source_revision: number;
  created_by: string | null;
  created_at: string;
}

export interface PortalSlugRedirectTable {
  lang: string;
  slug: string;
  item_id: string;
  created_at: string;
}

export interface PortalViewTable {
  item_id: string;
  lang: string;
  day: string;
  referrer_domain: string;
  views: number;
}

/** A rebuttal article (bài phản bác) linked to the response case it answers; one case per item. */
export interface PortalItemCaseTable {
  item_id: string;
  case_id: string;
  linked_by: string | null;
  linked_at: string;
}

export interface PortalTables {
  portal_categories: PortalCategoryTable;
  portal_items: PortalItemTable;
  portal_item_tags: PortalItemTagTable;
  portal_item_topics: PortalItemTopicTable;
  portal_localizations: PortalLocalizationTable;
  portal_revisions: PortalRevisionTable;
  portal_slug_redirects: PortalSlugRedirectTable;
  portal_views: PortalViewTable;
  portal_item_cases: PortalItemCaseTable;
}
