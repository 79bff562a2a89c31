/**
 * The public portal: its own Fastify instance with no work-platform route, so it can face the internet
 * while the work platform stays internal. Server-rendered HTML that reads without JavaScript; strong
 * ETag and Last-Modified with 304 answers.
 *
 * Rendered pages are kept in memory, keyed by (host, page) and valid for one content version: the newest
 * `updated_at` of the portal's items and texts (two index lookups, migration 0029), read at most once per
 * `cacheMs` (250 ms) whatever the traffic. A publication or withdrawal in any process, on SQLite or
 * PostgreSQL, moves the version, so every process drops its pages within `cacheMs` plus one read: no
 * stale page is served a second after a publication. Concurrent misses of one page share one rendering.
 * The public search asks an in-memory index brought to the same version (`portal-search-index.ts`).
 */
import { createHash } from "node:crypto";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { registerPublicMediaRoutes } from "../modules/portal/media/media.public.js";
import { createPortalRepository } from "../modules/portal/portal.repository.js";
import { createPortalPublicRepository, type PublicText } from "../modules/portal/portal-public.repository.js";
import { queryTokens } from "../modules/portal/portal-search-text.js";
import type { Db } from "../platform/db/database.js";
import type { FileStore } from "../platform/files/file-store.js";
import type { PortalLanguage } from "../shared/api/portal.js";
import { type FeedFormat, feedPaths, languageFeed } from "./portal-feeds.js";
import { homePage, itemPage, notFoundPage, type SiteContext, searchPage } from "./portal-pages.js";
import { createSearchIndex } from "./portal-search-index.js";
import { createSitemap, type SitemapBytes } from "./portal-sitemap.js";
import { createViewCounter, referrerDomain } from "./portal-views.js";

export interface PortalAppOptions {
  db: Db;
  languages: readonly PortalLanguage[];
  /** Public base address; undefined: from the request's Host. */
  publicUrl: string | undefined;
  /**
   * How long a read of the content version is trusted (ms): the longest a page may stay stale after a
   * publication in another process. 0: read on every request. Default 250.
   */
  cacheMs?: number;
  /** How often counted views are written (ms). */
  viewFlushMs?: number;
  /** The portal's own log (rendering errors): false, true or a level. */
  logger?: boolean | { level: string };
  /** Where the media library's files are (served at `/media/…` once published); none: no media route. */
  mediaStore?: FileStore;
  /** Addresses per sitemap file (default 10,000); tests use small files. */
  sitemapUrlsPerFile?: number;
  /** Told of every sitemap file written (file number from 1): tests and benches count them. */
  onSitemapWrite?: (file: number) => void;
}

interface Rendered {
  /** 200 (a page), 301 (to `location`) or 404. */
  status: number;
  location?: string;
  /** The item shown, for the view count. */
  itemId?: string;
  type: string;
  body: Buffer;
  /** The body gzipped, once ready (sitemap files, compressed off the main thread after writing). */
  gzipped?: () => Buffer | null;
  etag: string;
  lastModified: string | null;
}

const HTML = "text/html; charset=utf-8";
/** Pages kept per process, and their bytes (a 70,000-address sitemap alone is about 70 MB). */
const MAX_CACHED = 5000;
const MAX_CACHED_BYTES = 192 * 1024 * 1024;
const HOME_ITEMS = 20;
const SEARCH_LIMIT = 30;

/** Preferred language from Accept-Language among the enabled ones; Vietnamese by default. */
export function preferredLanguage(
  header: string | undefined,
  languages: readonly PortalLanguage[],
): PortalLanguage {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return {
        lang: tag.trim().toLowerCase().split("-")[0] ?? "",
        q: q ? Number(q.slice(2)) || 0 : 1,
        index,
      };
    })
    .filter((e) => e.lang && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const e of ranked) if (languages.includes(e.lang as PortalLanguage)) return e.lang as PortalLanguage;
  return "vi";
}

const httpDate = (iso: string | null) => (iso ? new Date(iso).toUTCString() : null);

/** Whether Accept-Encoding accepts gzip (listed, or `*`, without q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  let star = false;
  for (const part of value.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const accepted = !q || Number(q.slice(2)) > 0;
    if (name.trim() === "gzip") return accepted;
    if (name.trim() === "*") star = accepted;
  }
  return star;
}

export async function buildPortalApp(options: PortalAppOptions) {
  const { db, languages } = options;
  const pub = createPortalPublicRepository();
  const views = createViewCounter({
    db,
    portal: createPortalRepository(),
    ...(options.viewFlushMs !== undefined && { flushMs: options.viewFlushMs }),
  });
  const searchIndex = createSearchIndex({ db, pub });
  const trustMs = options.cacheMs ?? 250;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    routerOptions: { maxParamLength: 300 },
  });
  if (options.mediaStore)
    registerPublicMediaRoutes(app, { db, store: options.mediaStore, checkMs: options.cacheMs });

  // --- the content version, read at most once per `trustMs` ----------------------------------------
  let known: { value: string; readAt: number } | null = null;
  let reading: Promise<string> | null = null;
  function contentVersion(): Promise<string> {
    if (known && Date.now() - known.readAt < trustMs) return Promise.resolve(known.value);
    if (!reading) {
      // Trusted from when the read started: it sees every commit made before.
      const readAt = Date.now();
      reading = pub
        .contentVersion(db)
        .then((value) => {
          known = { value, readAt };
          return value;
        })
        .finally(() => {
          reading = null;
        });
    }
    return reading;
  }

  // --- rendered pages of the current version ---------------------------------------------------------
  let cacheVersion: string | null = null;
  const cache = new Map<string, Rendered>();
  const rendering = new Map<string, Promise<Rendered>>();
  let cachedBytes = 0;

  function cached(key: string, version: string, render: () => Promise<Rendered>): Promise<Rendered> {
    if (version !== cacheVersion) {
      cache.clear();
      rendering.clear();
      cachedBytes = 0;
      cacheVersion = version;
    }
    const hit = cache.get(key);
    if (hit) return Promise.resolve(hit);
    let pending = rendering.get(key);
    if (!pending) {
      const p = render()
        .then((page) => {
          if (cacheVersion === version) {
            while (
              cache.size >= MAX_CACHED ||
              (cache.size > 0 && cachedBytes + page.body.length > MAX_CACHED_BYTES)
            ) {
              const [oldKey, old] = cache.entries().next().value as [string, Rendered];
              cache.delete(oldKey);
              cachedBytes -= old.body.length;
            }
            cache.set(key, page);
            cachedBytes += page.body.length;
          }
          return page;
        })
        .finally(() => {
          if (rendering.get(key) === p) rendering.delete(key);
        });
      rendering.set(key, p);
      pending = p;
    }
    return pending;
  }

  const site = (request: FastifyRequest): SiteContext => ({
    base: options.publicUrl ?? `${request.protocol}://${request.host}`,
    languages,
  });
  const isLanguage = (lang: string): lang is PortalLanguage => languages.includes(lang as PortalLanguage);

  function make(status: number, type: string, text: string, lastModified: string | null): Rendered {
    const body = Buffer.from(text);
    const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
    return { status, type, body, etag, lastModified: httpDate(lastModified) };
  }

  /** Answers from the page cache or renders; 304 when the client's copy is current. */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: (version: string) => Promise<Rendered>,
    onServed?: (page: Rendered) => void,
  ): Promise<FastifyReply> {
    const version = await contentVersion();
    const page = await cached(`${request.host}|${key}`, version, () => render(version));
    if (page.status === 404) return notFound(request, reply);
    if (page.status === 301 && page.location)
      return reply.header("cache-control", "public, max-age=3600").redirect(page.location, 301);
    onServed?.(page);
    const gzipped = page.gzipped?.() ?? null;
    const isGzip = gzipped !== null && acceptsGzip(request.headers["accept-encoding"]);
    // Each encoding is its own representation, with its own strong ETag.
    const etag = isGzip ? `${page.etag.slice(0, -1)}-gz"` : page.etag;
    if (page.gzipped) reply.header("vary", "Accept-Encoding");
    reply.headers({
      "cache-control": "public, max-age=60, must-revalidate",
      etag,
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "content-security-policy":
        "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    });
    if (page.lastModified) reply.header("last-modified", page.lastModified);
    const inm = request.headers["if-none-match"];
    const ims = request.headers["if-modified-since"];
    const isFresh =
      inm !== undefined
        ? inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)
        : ims !== undefined && page.lastModified !== null && Date.parse(ims) >= Date.parse(page.lastModified);
    if (isFresh) return reply.status(304).send();
    if (isGzip)
      return reply.status(page.status).type(page.type).header("content-encoding", "gzip").send(gzipped);
    return reply.status(page.status).type(page.type).send(page.body);
  }

  // --- the sitemap: planned once per version and host, each file written once per fingerprint -------
  const sitemap = createSitemap({
    rows: () => pub.sitemapRows(db),
    lastChange: () => pub.lastChange(db, null),
    ...(options.sitemapUrlsPerFile !== undefined && { perFile: options.sitemapUrlsPerFile }),
    ...(options.onSitemapWrite && { onWrite: options.onSitemapWrite }),
  });
  const XML = "application/xml; charset=utf-8";

  function notFound(request: FastifyRequest, reply: FastifyReply, lang?: PortalLanguage) {
    const inPath = /^\/([a-z]{2})\//.exec(request.url)?.[1];
    const visitorLang =
      lang ??
      (inPath && isLanguage(inPath)
        ? inPath
        : preferredLanguage(request.headers["accept-language"], languages));
    return reply
      .status(404)
      .header("cache-control", "no-cache")
      .type(HTML)
      .send(notFoundPage(site(request), visitorLang));
  }

  app.get("/", async (request, reply) =>
    reply
      .header("vary", "Accept-Language")
      .header("cache-control", "no-cache")
      .redirect(`/${preferredLanguage(request.headers["accept-language"], languages)}/`, 302),
  );

  const sitemapPage = (bytes: SitemapBytes): Rendered => ({
    status: 200,
    type: XML,
    body: bytes.body,
    gzipped: () => bytes.gzipped,
    etag: bytes.etag,
    lastModified: httpDate(bytes.lastModified),
  });

  app.get("/sitemap.xml", async (request, reply) =>
    answer(request, reply, "sitemap", async (version) =>
      sitemapPage(await sitemap.root(site(request), version)),
    ),
  );

  app.get<{ Params: { file: string } }>("/sitemaps/:file", async (request, reply) => {
    const n = Number(/^([1-9]\d{0,4})\.xml$/.exec(request.params.file)?.[1] ?? 0);
    if (!n) return notFound(request, reply);
    return answer(request, reply, `sitemap:${n}`, async (version) => {
      const ctx = site(request);
      // A single file is served as /sitemap.xml itself, not as /sitemaps/1.xml.
      const bytes = (await sitemap.count(ctx, version)) > 1 ? await sitemap.file(ctx, version, n) : undefined;
      return bytes ? sitemapPage(bytes) : make(404, HTML, "", null);
    });
  });

  app.get<{ Params: { lang: string } }>("/:lang", async (request, reply) => {
    const { lang } = request.params;
    if (!isLanguage(lang)) return notFound(request, reply);
    return reply.redirect(`/${lang}/`, 301);
  });

  app.get<{ Params: { lang: string } }>("/:lang/", async (request, reply) => {
    const { lang } = request.params;
    if (!isLanguage(lang)) return notFound(request, reply);
    return answer(request, reply, `home:${lang}`, async () => {
      const [items, at] = await Promise.all([pub.latest(db, lang, HOME_ITEMS), pub.lastChange(db, lang)]);
      return make(200, HTML, homePage(site(request), lang, items), at);
    });
  });

  const FEED_TYPES: Record<FeedFormat, string> = {
    rss: "application/rss+xml; charset=utf-8",
    atom: "application/atom+xml; charset=utf-8",
    json: "application/feed+json; charset=utf-8",
  };
  for (const format of ["rss", "atom", "json"] as const) {
    const file = feedPaths("vi")[format].slice("/vi/".length);
    app.get<{ Params: { lang: string } }>(`/:lang/${file}`, async (request, reply) => {
      const { lang } = request.params;
      if (!isLanguage(lang)) return notFound(request, reply);
      return answer(request, reply, `feed:${format}:${lang}`, async () => {
        const [items, at] = await Promise.all([pub.latest(db, lang, HOME_ITEMS), pub.lastChange(db, lang)]);
        const own = items.filter((t) => t.lang === lang);
        return make(200, FEED_TYPES[format], languageFeed(site(request), lang, own, format, at), at);
      });
    });
  }

  app.get<{ Params: { lang: string }; Querystring: { q?: unknown } }>(
    "/:lang/search",
    async (request, reply) => {
      const { lang } = request.params;
      if (!isLanguage(lang)) return notFound(request, reply);
      // Bounded and forgiving: any input (arrays, huge strings, odd characters) is a query or nothing.
      const raw = request.query.q;
      const q = (
        typeof raw === "string" ? raw : Array.isArray(raw) && typeof raw[0] === "string" ? raw[0] : ""
      )
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 200);
      let items: PublicText[] = [];
      try {
        const tokens = q ? queryTokens(q) : [];
        if (tokens.length > 0) {
          await searchIndex.syncTo(await contentVersion());
          items = await pub.listByIds(db, searchIndex.search(lang, tokens, SEARCH_LIMIT));
        }
      } catch (err) {
        request.log.warn({ err }, "portal search failed");
      }
      return reply
        .header("cache-control", "no-cache")
        .type(HTML)
        .send(searchPage(site(request), lang, q, items));
    },
  );

  app.get<{ Params: { lang: string; slug: string } }>("/:lang/:slug", async (request, reply) => {
    const { lang, slug } = request.params;
    if (!isLanguage(lang) || slug.length > 200) return notFound(request, reply);
    return answer(
      request,
      reply,
      `item:${lang}:${slug}`,
      async () => {
        const text =
          (await pub.bySlug(db, lang, slug)) ??
          (lang !== "vi" ? await pub.fallbackBySlug(db, lang, slug) : undefined);
        if (!text) {
          const target = await pub.redirectTarget(db, lang, slug);
          if (target)
            return { ...make(301, HTML, "", null), location: `/${lang}/${encodeURIComponent(target)}` };
          return make(404, HTML, "", null);
        }
        const alternates = (await pub.alternates(db, text.item_id))
          .filter((a) => isLanguage(a.lang))
          .map((a) => ({ lang: a.lang as PortalLanguage, path: `/${a.lang}/${encodeURIComponent(a.slug)}` }));
        return {
          ...make(200, HTML, itemPage(site(request), lang, text, alternates), text.updated_at),
          itemId: text.item_id,
        };
      },
      (page) => {
        if (page.itemId && request.method === "GET")
          views.count({
            itemId: page.itemId,
            lang,
            userAgent: request.headers["user-agent"],
            referrerDomain: referrerDomain(request.headers.referer, request.host),
          });
      },
    );
  });

  app.setNotFoundHandler((request, reply) => notFound(request, reply));
  app.setErrorHandler((err, request, reply) => {
    request.log.error({ err }, "portal error");
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) return notFound(request, reply);
    return reply.status(500).type("text/plain; charset=utf-8").send("Lỗi máy chủ / Server error");
  });
  app.addHook("onClose", async () => views.close());

  await app.ready();
  return {
    app,
    views,
    /** Builds the search index now rather than at the first search (a started server calls it). */
    warmUp: async () => searchIndex.syncTo(await contentVersion()),
  };
}
