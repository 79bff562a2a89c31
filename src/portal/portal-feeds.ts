/** RSS 2.0 per language and the sitemap with hreflang alternates (XML written with one escaping helper). */
import type { PublicText } from "../modules/portal/portal-public.repository.js";
import type { PortalLanguage } from "../shared/api/portal.js";
import type { SiteContext } from "./portal-pages.js";
import { HREFLANG, PORTAL_STRINGS } from "./portal-strings.js";

/** Escapes text for XML content and attributes. */
export const xml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are dropped
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

export function rssFeed(ctx: SiteContext, lang: PortalLanguage, items: PublicText[]): string {
  const s = PORTAL_STRINGS[lang];
  const entries = items
    .map((t) => {
      const link = `${ctx.base}/${lang}/${encodeURIComponent(t.slug)}`;
      return `<item><title>${xml(t.title)}</title><link>${xml(link)}</link><guid isPermaLink="false">${xml(`${t.item_id}:${lang}`)}</guid>${
        t.published_at ? `<pubDate>${new Date(t.published_at).toUTCString()}</pubDate>` : ""
      }<description>${xml(t.summary)}</description></item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(s.siteName)}</title>
<link>${xml(`${ctx.base}/${lang}/`)}</link>
<description>${xml(s.tagline)}</description>
<language>${HREFLANG[lang]}</language>
<atom:link href="${xml(`${ctx.base}/${lang}/rss.xml`)}" rel="self" type="application/rss+xml"/>
${entries}
</channel>
</rss>
`;
}

/** Every published text, each listing its item's other languages (reciprocal alternates) and x-default. */
export function sitemap(
  ctx: SiteContext,
  rows: { item_id: string; lang: string; slug: string; updated_at: string }[],
): string {
  const byItem = new Map<string, typeof rows>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  const parts: string[] = [];
  const homeAlternates = ctx.languages
    .map((l) => `<xhtml:link rel="alternate" hreflang="${HREFLANG[l]}" href="${xml(`${ctx.base}/${l}/`)}"/>`)
    .join("");
  for (const l of ctx.languages)
    parts.push(
      `<url><loc>${xml(`${ctx.base}/${l}/`)}</loc>${homeAlternates}<xhtml:link rel="alternate" hreflang="x-default" href="${xml(`${ctx.base}/vi/`)}"/></url>`,
    );
  for (const texts of byItem.values()) {
    const langs = texts.filter((t) => ctx.languages.includes(t.lang as PortalLanguage));
    const href = (t: (typeof rows)[number]) => `${ctx.base}/${t.lang}/${encodeURIComponent(t.slug)}`;
    const alternates = langs
      .map(
        (t) =>
          `<xhtml:link rel="alternate" hreflang="${HREFLANG[t.lang as PortalLanguage]}" href="${xml(href(t))}"/>`,
      )
      .join("");
    const xDefault = langs.find((t) => t.lang === "vi") ?? langs[0];
    const xDefaultLink = xDefault
      ? `<xhtml:link rel="alternate" hreflang="x-default" href="${xml(href(xDefault))}"/>`
      : "";
    for (const t of langs)
      parts.push(
        `<url><loc>${xml(href(t))}</loc><lastmod>${t.updated_at.slice(0, 10)}</lastmod>${alternates}${xDefaultLink}</url>`,
      );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${parts.join("\n")}
</urlset>
`;
}
