/**
 * Feeds per language (RSS 2.0, Atom and JSON Feed, written by the `feed` package) and the sitemap with
 * hreflang alternates: one file up to 10,000 addresses, beyond that a sitemap index of files of at most
 * 10,000 addresses each (the protocol allows 50,000 and 50 MB; every text carries up to eight links).
 */
import { Feed } from "feed";
import type { PublicText } from "../modules/portal/portal-public.repository.js";
import type { PortalLanguage } from "../shared/api/portal.js";
import type { SiteContext } from "./portal-pages.js";
import { HREFLANG, PORTAL_STRINGS } from "./portal-strings.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are looked for
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Escapes text for XML content and attributes (most addresses need nothing: returned as they are). */
export const xml = (text: string) =>
  !NEEDS_ESCAPE.test(text)
    ? text
    : text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are dropped
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** Text for the feed writer: characters XML forbids dropped, and `]]>` cannot end its CDATA sections. */
const feedText = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are dropped
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/]]>/g, "]] >");

export type FeedFormat = "rss" | "atom" | "json";

/** The addresses of a language's feeds. */
export const feedPaths = (lang: PortalLanguage) => ({
  rss: `/${lang}/rss.xml`,
  atom: `/${lang}/atom.xml`,
  json: `/${lang}/feed.json`,
});

/** A language's latest texts as RSS 2.0, Atom 1.0 or JSON Feed, written by the `feed` package. */
export function languageFeed(
  ctx: SiteContext,
  lang: PortalLanguage,
  items: PublicText[],
  format: FeedFormat,
  updated: string | null,
): string {
  const s = PORTAL_STRINGS[lang];
  const paths = feedPaths(lang);
  const home = `${ctx.base}/${lang}/`;
  const feed = new Feed({
    title: feedText(s.siteName),
    description: feedText(s.tagline),
    id: home,
    link: home,
    language: HREFLANG[lang],
    copyright: feedText(`© ${s.siteName}`),
    updated: updated ? new Date(updated) : new Date(0),
    generator: "Hải Đăng",
    feedLinks: {
      rss: `${ctx.base}${paths.rss}`,
      atom: `${ctx.base}${paths.atom}`,
      json: `${ctx.base}${paths.json}`,
    },
  });
  for (const t of items)
    feed.addItem({
      title: feedText(t.title),
      id: `urn:haidang:portal:${t.item_id}:${lang}`,
      link: `${ctx.base}/${lang}/${encodeURIComponent(t.slug)}`,
      description: feedText(t.summary),
      date: new Date(t.published_at ?? t.updated_at),
      ...(t.first_published_at && { published: new Date(t.first_published_at) }),
    });
  return format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
}

/** Addresses per sitemap file. */
export const SITEMAP_URLS_PER_FILE = 10_000;

const urlset = (entries: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join("\n")}
</urlset>
`;

/**
 * Every published text, each listing its item's other languages (reciprocal alternates) and x-default,
 * as sitemap files of at most `perFile` addresses (`rows` ordered by item).
 */
export function sitemapFiles(
  ctx: SiteContext,
  rows: { item_id: string; lang: string; slug: string; updated_at: string }[],
  perFile = SITEMAP_URLS_PER_FILE,
): string[] {
  const files: string[] = [];
  let entries: string[] = [];
  const push = (entry: string) => {
    entries.push(entry);
    if (entries.length >= perFile) {
      files.push(urlset(entries));
      entries = [];
    }
  };
  const homeAlternates = ctx.languages
    .map((l) => `<xhtml:link rel="alternate" hreflang="${HREFLANG[l]}" href="${xml(`${ctx.base}/${l}/`)}"/>`)
    .join("");
  for (const l of ctx.languages)
    push(
      `<url><loc>${xml(`${ctx.base}/${l}/`)}</loc>${homeAlternates}<xhtml:link rel="alternate" hreflang="x-default" href="${xml(`${ctx.base}/vi/`)}"/></url>`,
    );
  const href = (t: (typeof rows)[number]) => `${ctx.base}/${t.lang}/${encodeURIComponent(t.slug)}`;
  const emitItem = (texts: typeof rows) => {
    const langs = texts
      .filter((t) => ctx.languages.includes(t.lang as PortalLanguage))
      .map((t) => ({ t, href: xml(href(t)) }));
    const alternates = langs
      .map(
        ({ t, href }) =>
          `<xhtml:link rel="alternate" hreflang="${HREFLANG[t.lang as PortalLanguage]}" href="${href}"/>`,
      )
      .join("");
    const xDefault = langs.find(({ t }) => t.lang === "vi") ?? langs[0];
    const xDefaultLink = xDefault
      ? `<xhtml:link rel="alternate" hreflang="x-default" href="${xDefault.href}"/>`
      : "";
    for (const { t, href } of langs)
      push(
        `<url><loc>${href}</loc><lastmod>${t.updated_at.slice(0, 10)}</lastmod>${alternates}${xDefaultLink}</url>`,
      );
  };
  let group: typeof rows = [];
  for (const r of rows) {
    if (group.length > 0 && group[0]?.item_id !== r.item_id) {
      emitItem(group);
      group = [];
    }
    group.push(r);
  }
  if (group.length > 0) emitItem(group);
  if (entries.length > 0 || files.length === 0) files.push(urlset(entries));
  return files;
}

/** The sitemap index listing the numbered sitemap files (`/sitemaps/1.xml` …). */
export function sitemapIndex(ctx: SiteContext, count: number, lastModified: string | null): string {
  const lastmod = lastModified ? `<lastmod>${lastModified.slice(0, 10)}</lastmod>` : "";
  const entries = Array.from(
    { length: count },
    (_, i) => `<sitemap><loc>${xml(`${ctx.base}/sitemaps/${i + 1}.xml`)}</loc>${lastmod}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join("\n")}
</sitemapindex>
`;
}
