/**
 * Feeds per language (RSS 2.0, Atom and JSON Feed, written by the `feed` package). The sitemap is in
 * `portal-sitemap.ts`.
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
