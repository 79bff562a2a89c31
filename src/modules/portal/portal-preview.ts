/**
 * The preview of one language of an item before publication: its current text (whatever its state),
 * rendered by the very templates the public site uses, under a banner that says it is not published.
 */
import { itemPage, type SiteContext } from "../../portal/portal-pages.js";
import type { PortalItem, PortalLanguage } from "../../shared/api/portal.js";
import { portalErrors } from "./portal.errors.js";
import { renderRichText } from "./portal-render.js";

export const PREVIEW_BANNER = "Bản xem trước — chưa đăng";

/** Scripts never run in a preview; only inline styles (the templates' own) and images load. */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const BANNER_HTML = `<div class="notice" role="note" style="background:#b3261e;color:#fff;border:0;font-weight:700;padding:10px 16px;margin:0">${PREVIEW_BANNER} / Preview — not published</div>`;

/** The preview page of `lang` of the item, as HTML. */
export function renderPreview(
  item: PortalItem,
  lang: PortalLanguage,
  site: { base: string; languages: readonly PortalLanguage[] },
): string {
  const loc = item.localizations.find((l) => l.lang === lang);
  if (!loc) throw portalErrors.localizationNotFound({ meta: { id: item.id, lang } });
  const ctx: SiteContext = { base: site.base, languages: site.languages };
  const page = itemPage(
    ctx,
    lang,
    {
      item_id: item.id,
      kind: item.kind,
      product_type: item.productType,
      media_url: item.mediaUrl,
      lang,
      title: loc.title,
      summary: loc.summary,
      body_html: renderRichText(loc.body),
      seo_title: loc.seoTitle,
      seo_description: loc.seoDescription,
      slug: loc.slug,
      published_at: loc.publishedAt,
      first_published_at: loc.publishedAt,
      updated_at: loc.updatedAt,
    },
    [],
  );
  return page
    .replace("<head>\n", '<head>\n<meta name="robots" content="noindex, nofollow">\n')
    .replace("<body>\n", `<body>\n${BANNER_HTML}\n`);
}
