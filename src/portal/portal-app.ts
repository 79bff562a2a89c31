/**
 * The public portal: its own Fastify instance with no work-platform route, so it can face the internet
 * while the work platform stays internal. Server-rendered HTML that reads without JavaScript; ETag and
 * Last-Modified with 304 answers; a one-second page cache so that a busy page is rendered about once a
 * second per process while a publication still shows within that second.
 */
import { createHash } from "node:crypto";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { createPortalRepository } from "../modules/portal/portal.repository.js";
import { createPortalPublicRepository, type PublicText } from "../modules/portal/portal-public.repository.js";
import { queryTokens } from "../modules/portal/portal-search-text.js";
import type { Db } from "../platform/db/database.js";
import type { PortalLanguage } from "../shared/api/portal.js";
import { rssFeed, sitemap } from "./portal-feeds.js";
import { homePage, itemPage, notFoundPage, type SiteContext, searchPage } from "./portal-pages.js";
import { createViewCounter, referrerDomain } from "./portal-views.js";

export interface PortalAppOptions {
  db: Db;
  languages: readonly PortalLanguage[];
  /** Public base address; undefined: from the request's Host. */
  publicUrl: string | undefined;
  /** How long a rendered page is reused (ms); 0 disables the cache. */
  cacheMs?: number;
  /** How often counted views are written (ms). */
  viewFlushMs?: number;
  logger?: boolean;
}

interface Rendered {
  /** 200 (a page), 301 (to `location`) or 404. */
  status: number;
  location?: string;
  /** The item shown, for the view count. */
  itemId?: string;
  type: string;
  body: string;
  etag: string;
  lastModified: string | null;
  at: number;
}

const HTML = "text/html; charset=utf-8";
const MAX_CACHED = 2000;
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

export async function buildPortalApp(options: PortalAppOptions) {
  const { db, languages } = options;
  const pub = createPortalPublicRepository();
  const views = createViewCounter({
    db,
    portal: createPortalRepository(),
    ...(options.viewFlushMs !== undefined && { flushMs: options.viewFlushMs }),
  });
  const cacheMs = options.cacheMs ?? 1000;
  const cache = new Map<string, Rendered>();
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    routerOptions: { maxParamLength: 300 },
  });

  const site = (request: FastifyRequest): SiteContext => ({
    base: options.publicUrl ?? `${request.protocol}://${request.host}`,
    languages,
  });
  const isLanguage = (lang: string): lang is PortalLanguage => languages.includes(lang as PortalLanguage);

  function make(status: number, type: string, body: string, lastModified: string | null): Rendered {
    const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
    return { status, type, body, etag, lastModified: httpDate(lastModified), at: Date.now() };
  }

  /** Answers from the page cache or renders; 304 when the client's copy is current. */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<Rendered>,
    onServed?: (page: Rendered) => void,
  ): Promise<FastifyReply> {
    const cacheKey = `${request.host}|${key}`;
    let page = cache.get(cacheKey);
    if (!page || Date.now() - page.at > cacheMs) {
      page = await render();
      if (cacheMs > 0 && page.status !== 404) {
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(cacheKey, page);
      }
    }
    if (page.status === 404) return notFound(request, reply);
    if (page.status === 301 && page.location)
      return reply.header("cache-control", "public, max-age=3600").redirect(page.location, 301);
    onServed?.(page);
    reply
      .header("cache-control", page.status === 200 ? "public, max-age=60, must-revalidate" : "no-cache")
      .header("etag", page.etag)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "strict-origin-when-cross-origin")
      .header(
        "content-security-policy",
        "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
    if (page.lastModified) reply.header("last-modified", page.lastModified);
    if (page.status === 200) {
      const inm = request.headers["if-none-match"];
      const ims = request.headers["if-modified-since"];
      const isFresh =
        inm !== undefined
          ? inm.split(",").some((t) => t.trim().replace(/^W\//, "") === page.etag)
          : ims !== undefined &&
            page.lastModified !== null &&
            Date.parse(ims) >= Date.parse(page.lastModified);
      if (isFresh) return reply.status(304).send();
    }
    return reply.status(page.status).type(page.type).send(page.body);
  }

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

  app.get("/sitemap.xml", async (request, reply) =>
    answer(request, reply, "sitemap", async () => {
      const [rows, at] = await Promise.all([pub.allPublished(db), pub.lastChange(db, null)]);
      return make(200, "application/xml; charset=utf-8", sitemap(site(request), rows), at);
    }),
  );

  app.get("/robots.txt", async (request, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .send(`User-agent: *\nAllow: /\nSitemap: ${site(request).base}/sitemap.xml\n`),
  );

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

  app.get<{ Params: { lang: string } }>("/:lang/rss.xml", async (request, reply) => {
    const { lang } = request.params;
    if (!isLanguage(lang)) return notFound(request, reply);
    return answer(request, reply, `rss:${lang}`, async () => {
      const [items, at] = await Promise.all([pub.latest(db, lang, HOME_ITEMS), pub.lastChange(db, lang)]);
      const own = items.filter((t) => t.lang === lang);
      return make(200, "application/rss+xml; charset=utf-8", rssFeed(site(request), lang, own), at);
    });
  });

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
        items = q ? await pub.search(db, lang, queryTokens(q), SEARCH_LIMIT) : [];
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
  return { app, views };
}
