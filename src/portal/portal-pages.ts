/** The public portal's page templates: layout, home, item, search and not-found, in every language. */
import type { PublicText } from "../modules/portal/portal-public.repository.js";
import type { PortalLanguage } from "../shared/api/portal.js";
import { html, jsonLd, type SafeHtml, trusted } from "./portal-html.js";
import { HREFLANG, OG_LOCALES, PORTAL_STRINGS } from "./portal-strings.js";

export interface SiteContext {
  /** Absolute base address without trailing slash (`https://portal.haiphong.gov.vn`). */
  base: string;
  languages: readonly PortalLanguage[];
}

interface LayoutInput {
  lang: PortalLanguage;
  title: string;
  description: string;
  /** Path of this page (`/en/slug`), for canonical. */
  path: string;
  /** Other languages' paths of the same page (hreflang), this one included. */
  alternates: { lang: PortalLanguage; path: string }[];
  main: SafeHtml;
  head?: SafeHtml;
  ogType?: string;
}

const STYLE = `:root{color-scheme:light;font-family:"Noto Sans","Noto Sans CJK SC","Noto Sans CJK JP","Noto Sans CJK KR",system-ui,sans-serif;line-height:1.6;color:#1b1f24;background:#fff}
body{margin:0}a{color:#0b4f8a}a:focus,button:focus,input:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px}
header{background:#0b3c5d;color:#fff;padding:12px 16px}header a{color:#fff}
.brand{font-size:1.25rem;font-weight:700;text-decoration:none}.tagline{margin:4px 0 8px}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:12px;margin:8px 0;padding:0}
form.search{display:flex;gap:6px;align-items:center;flex-wrap:wrap}form.search input{padding:6px;min-width:14em}
form.search button{padding:6px 12px;background:#f0a500;color:#1b1f24;border:0;font-weight:700}
main{max-width:52rem;margin:0 auto;padding:16px}article img{max-width:100%;height:auto}
.notice{background:#fff4d6;border-left:4px solid #b07800;padding:8px 12px}
.meta{color:#454c55;font-size:.9rem}ul.items{list-style:none;padding:0}ul.items li{margin:0 0 18px}
table{border-collapse:collapse}td,th{border:1px solid #9aa3ad;padding:4px 8px}
footer{border-top:1px solid #d0d5da;padding:12px 16px;color:#454c55}`;

const absolute = (ctx: SiteContext, path: string) => `${ctx.base}${path}`;

export function layout(ctx: SiteContext, input: LayoutInput): string {
  const s = PORTAL_STRINGS[input.lang];
  const xDefault = input.alternates.find((a) => a.lang === "vi") ?? input.alternates[0];
  const page = html`<!DOCTYPE html>
<html lang="${HREFLANG[input.lang]}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title}</title>
<meta name="description" content="${input.description}">
<link rel="canonical" href="${absolute(ctx, input.path)}">
${input.alternates.map(
  (a) => html`<link rel="alternate" hreflang="${HREFLANG[a.lang]}" href="${absolute(ctx, a.path)}">
`,
)}${xDefault ? html`<link rel="alternate" hreflang="x-default" href="${absolute(ctx, xDefault.path)}">` : ""}
<link rel="alternate" type="application/rss+xml" title="${s.rss}" href="${absolute(ctx, `/${input.lang}/rss.xml`)}">
<link rel="alternate" type="application/atom+xml" title="${s.rss} (Atom)" href="${absolute(ctx, `/${input.lang}/atom.xml`)}">
<link rel="alternate" type="application/feed+json" title="${s.rss} (JSON Feed)" href="${absolute(ctx, `/${input.lang}/feed.json`)}">
<meta property="og:site_name" content="${s.siteName}">
<meta property="og:title" content="${input.title}">
<meta property="og:description" content="${input.description}">
<meta property="og:type" content="${input.ogType ?? "website"}">
<meta property="og:url" content="${absolute(ctx, input.path)}">
<meta property="og:locale" content="${OG_LOCALES[input.lang]}">
${input.head ?? ""}
<style>${trusted(STYLE)}</style>
</head>
<body>
<a class="skip" href="#main">${s.skipToContent}</a>
<header>
<a class="brand" href="/${input.lang}/">${s.siteName}</a>
<p class="tagline">${s.tagline}</p>
<nav aria-label="${s.languagesLabel}"><ul>
${ctx.languages.map(
  (l) =>
    html`<li><a href="${input.alternates.find((a) => a.lang === l)?.path ?? `/${l}/`}" lang="${HREFLANG[l]}" hreflang="${HREFLANG[l]}"${l === input.lang ? html` aria-current="page"` : ""}>${PORTAL_STRINGS[l].languageName}</a></li>
`,
)}</ul></nav>
<form class="search" role="search" action="/${input.lang}/search" method="get">
<label for="q">${s.searchLabel}</label>
<input id="q" name="q" type="search" maxlength="200">
<button type="submit">${s.searchButton}</button>
</form>
</header>
<main id="main">
${input.main}
</main>
<footer><p>© ${s.siteName} · <a href="/${input.lang}/rss.xml">${s.rss}</a></p></footer>
</body>
</html>
`;
  return page.value;
}

const kindLabel = (lang: PortalLanguage, t: Pick<PublicText, "kind" | "product_type">) => {
  const kinds = PORTAL_STRINGS[lang].kinds;
  return t.kind === "product" && t.product_type
    ? kinds[t.product_type as keyof typeof kinds]
    : (kinds[t.kind as "article" | "page"] ?? kinds.article);
};

const dateOf = (iso: string | null, lang: PortalLanguage) =>
  iso
    ? new Intl.DateTimeFormat(HREFLANG[lang], { dateStyle: "long", timeZone: "Asia/Ho_Chi_Minh" }).format(
        new Date(iso),
      )
    : "";

/**
 * One entry of a list; a Vietnamese fallback is linked under this language and marked as Vietnamese.
 * `level`: the heading level of the entry's title, one below the list's own heading (no level skipped).
 */
function listEntry(lang: PortalLanguage, t: PublicText, level: 2 | 3 = 3): SafeHtml {
  const isFallback = t.lang !== lang;
  const s = PORTAL_STRINGS[lang];
  return html`<li>
<h${level}><a href="/${lang}/${encodeURIComponent(t.slug)}"${isFallback ? html` lang="vi"` : ""}>${t.title}</a></h${level}>
<p class="meta">${kindLabel(lang, t)} · <time datetime="${t.published_at ?? ""}">${dateOf(t.published_at, lang)}</time>${isFallback ? ` · ${s.inVietnamese}` : ""}</p>
${t.summary ? html`<p${isFallback ? html` lang="vi"` : ""}>${t.summary}</p>` : ""}
</li>`;
}

export function homePage(ctx: SiteContext, lang: PortalLanguage, items: PublicText[]): string {
  const s = PORTAL_STRINGS[lang];
  return layout(ctx, {
    lang,
    title: s.siteName,
    description: s.tagline,
    path: `/${lang}/`,
    alternates: ctx.languages.map((l) => ({ lang: l, path: `/${l}/` })),
    main: html`<h1>${s.siteName}</h1>
<h2>${s.latest}</h2>
${items.length ? html`<ul class="items">${items.map((t) => listEntry(lang, t))}</ul>` : html`<p>${s.noItems}</p>`}`,
  });
}

export function itemPage(
  ctx: SiteContext,
  lang: PortalLanguage,
  text: PublicText,
  alternates: { lang: PortalLanguage; path: string }[],
): string {
  const s = PORTAL_STRINGS[lang];
  const isFallback = text.lang !== lang;
  const path = `/${lang}/${encodeURIComponent(text.slug)}`;
  const description = text.seo_description ?? text.summary;
  const ld = {
    "@context": "https://schema.org",
    "@type": text.kind === "article" ? "NewsArticle" : "WebPage",
    headline: text.title,
    description,
    inLanguage: HREFLANG[text.lang as PortalLanguage],
    datePublished: text.first_published_at ?? text.published_at,
    dateModified: text.updated_at,
    mainEntityOfPage: absolute(ctx, path),
    publisher: { "@type": "GovernmentOrganization", name: PORTAL_STRINGS.vi.siteName },
  };
  return layout(ctx, {
    lang,
    title: `${text.seo_title ?? text.title} · ${s.siteName}`,
    description,
    // A fallback page is the Vietnamese text: its canonical is the Vietnamese address.
    path: isFallback ? `/vi/${encodeURIComponent(text.slug)}` : path,
    alternates: isFallback ? [] : alternates,
    ogType: "article",
    head: html`<meta property="article:published_time" content="${text.first_published_at ?? ""}">
<script type="application/ld+json">${jsonLd(ld)}</script>`,
    main: html`${isFallback ? html`<p class="notice" role="note">${s.fallbackNotice}</p>` : ""}
<article${isFallback ? html` lang="vi"` : ""}>
<h1>${text.title}</h1>
<p class="meta">${kindLabel(lang, text)} · ${s.publishedOn} <time datetime="${text.first_published_at ?? ""}">${dateOf(text.first_published_at, lang)}</time></p>
${text.summary ? html`<p><strong>${text.summary}</strong></p>` : ""}
${text.media_url ? html`<p><a href="${text.media_url}">${s.openMedia}</a></p>` : ""}
${trusted(text.body_html)}
</article>
<p><a href="/${lang}/">${s.backHome}</a></p>`,
  });
}

export function searchPage(
  ctx: SiteContext,
  lang: PortalLanguage,
  query: string,
  items: PublicText[],
): string {
  const s = PORTAL_STRINGS[lang];
  return layout(ctx, {
    lang,
    title: `${s.searchLabel} · ${s.siteName}`,
    description: s.searchHint,
    path: `/${lang}/search`,
    alternates: ctx.languages.map((l) => ({ lang: l, path: `/${l}/search` })),
    head: html`<meta name="robots" content="noindex">`,
    main: html`<h1>${s.searchLabel}</h1>
${query ? html`<p role="status">${s.resultsFor(query, items.length)}</p>` : html`<p>${s.searchHint}</p>`}
${items.length ? html`<ul class="items">${items.map((t) => listEntry(lang, t, 2))}</ul>` : ""}`,
  });
}

export function notFoundPage(ctx: SiteContext, lang: PortalLanguage): string {
  const s = PORTAL_STRINGS[lang];
  return layout(ctx, {
    lang,
    title: `${s.notFoundTitle} · ${s.siteName}`,
    description: s.notFoundText,
    path: `/${lang}/`,
    alternates: [],
    head: html`<meta name="robots" content="noindex">`,
    main: html`<h1>${s.notFoundTitle}</h1>
<p>${s.notFoundText}</p>
<p><a href="/${lang}/">${s.backHome}</a></p>`,
  });
}
