/**
 * Safe HTTP(S) fetching for monitoring: SSRF guard on resolved (and pinned) addresses at every hop,
 * conditional GET, connect and total deadlines, raw and decompressed size caps, bounded redirects with loop
 * detection, per-host concurrency, robots.txt for article pages, charset decoding.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import zlib from "node:zlib";
import { isAppError } from "../../../platform/errors.js";
import { createKeyedLimiter } from "../../../platform/limiter.js";
import { monitoringErrors } from "../monitoring.errors.js";
import { classifyAddress } from "./fetch.address.js";
import { type DetectedCharset, decodeBody } from "./fetch.charset.js";
import { ALLOW_ALL, DISALLOW_ALL, isAllowedByRobots, parseRobots, type RobotsRules } from "./fetch.robots.js";

/** Tunables of a fetcher; `allowPrivate` comes from `HAIDANG_FETCH_ALLOW_PRIVATE` (tests only). */
export interface FetcherOptions {
  userAgent: string;
  /** Allow loopback/private/link-local targets. Never true in production. */
  allowPrivate: boolean;
  /**
   * Origins the operator runs themselves (the city's own portal, at its configured public address or
   * its local listener): fetched even when they resolve to a private address. Exact origins (scheme,
   * host, port); every other private address stays refused, redirects included.
   */
  trustedOrigins: readonly string[];
  connectTimeoutMs: number;
  /** Deadline for the whole fetch, redirects and body included (defeats trickling servers). */
  totalTimeoutMs: number;
  /** Cap on bytes received from the network. */
  maxBytes: number;
  /** Cap on bytes after gzip/brotli/deflate decoding (defeats compression bombs). */
  maxDecodedBytes: number;
  maxRedirects: number;
  maxPerHost: number;
  robotsTtlMs: number;
}

/** Default options: conservative for a newsroom crawler. */
export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = {
  userAgent: "HaiDangMonitor/0.1 (+https://haiphong.gov.vn; media monitoring)",
  allowPrivate: false,
  trustedOrigins: [],
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxDecodedBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  maxPerHost: 2,
  robotsTtlMs: 60 * 60 * 1000,
};

/** DNS resolution used by the fetcher (injectable for tests). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

/** Injectable dependencies (tests): DNS resolution and the address classification. */
export interface FetcherDeps {
  resolve?: ResolveAll;
  /** Defaults to `classifyAddress`; tests narrow it to treat exactly one local address as public. */
  classify?: (address: string) => string | null;
}

/** One fetch. `etag`/`lastModified` come from the previous successful fetch of the same URL. */
export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Check robots.txt first (article pages; feeds are published to be fetched). */
  checkRobots?: boolean;
  accept?: string;
}

/** The outcome of a fetch. On 304 `notModified` is true and the body is empty. */
export interface FetchResult {
  url: string;
  status: number;
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  body: Buffer;
  text: string;
  charset?: DetectedCharset;
  /** URLs visited before the final one. */
  redirects: string[];
}

/** A configured fetcher with its own robots cache and host limiter. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** Trusts one more origin of the operator's own (the portal's listener once its port is known). */
  trustOrigin?(origin: string): void;
}

/** The origin of an address (`http://127.0.0.1:8081`), or null when it is not an http(s) address. */
function originOf(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

interface Hop {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Origins whose robots.txt rules are kept (a few KB each). */
const MAX_ROBOTS_CACHED = 10_000;
const defaultResolve: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function decompressor(
  encoding: string | undefined,
): zlib.Gunzip | zlib.BrotliDecompress | zlib.Inflate | null {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "br":
      return zlib.createBrotliDecompress();
    case "deflate":
      return zlib.createInflate();
    default:
      return null;
  }
}

/**
 * Creates a fetcher. Dependencies are explicit (`FetcherDeps`) so tests can resolve names without DNS.
 *
 * @example
 * const fetcher = createFetcher({ allowPrivate: config.fetchAllowPrivate });
 * const r = await fetcher.fetch({ url: source.feedUrl, etag: source.etag });
 * if (!r.notModified) parseFeed(r.text, { baseUrl: r.url });
 */
export function createFetcher(options: Partial<FetcherOptions> = {}, deps: FetcherDeps = {}): Fetcher {
  const opts: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, ...options };
  const resolveAll = deps.resolve ?? defaultResolve;
  const classify = deps.classify ?? classifyAddress;
  const limiter = createKeyedLimiter(opts.maxPerHost);
  // One entry per origin, bounded: a crawl of many hosts must not grow it without limit.
  const robotsCache = new Map<string, { rules: RobotsRules; expires: number }>();
  const trusted = new Set<string>();
  const trustOrigin = (address: string) => {
    const origin = originOf(address);
    if (origin) trusted.add(origin);
  };
  for (const o of opts.trustedOrigins) trustOrigin(o);

  function assertAddress(address: string, host: string): void {
    if (opts.allowPrivate) return;
    const reason = classify(address);
    if (reason) throw monitoringErrors.fetchBlockedAddress({ meta: { host, address, reason } });
  }

  /** DNS lookup for `http.request`: resolves, refuses blocked addresses, and the socket uses (pins) them. */
  const guardedLookup = lookupWith(true);
  /** The same for a trusted origin: resolved and pinned, any address. */
  const trustedLookup = lookupWith(false);
  function lookupWith(guard: boolean) {
    return (
      hostname: string,
      lookupOptions: { all?: boolean },
      callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
    ) => lookup(guard, hostname, lookupOptions, callback);
  }
  function lookup(
    guard: boolean,
    hostname: string,
    lookupOptions: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void {
    resolveAll(hostname)
      .then((addresses) => {
        if (addresses.length === 0)
          throw monitoringErrors.fetchNetwork({ meta: { host: hostname, reason: "no address" } });
        if (guard) for (const a of addresses) assertAddress(a.address, hostname);
        if (lookupOptions.all) callback(null, addresses);
        else callback(null, (addresses[0] as LookupAddress).address, (addresses[0] as LookupAddress).family);
      })
      .catch((err: Error) => callback(err, ""));
  }

  function requestOnce(
    url: URL,
    headers: Record<string, string>,
    deadline: number,
    maxBytes: number,
  ): Promise<Hop> {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const isTrusted = trusted.has(url.origin);
    if (isIP(host) && !isTrusted) assertAddress(host, host); // literals skip DNS, so check them here
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(monitoringErrors.fetchTimeout({ meta: { url: url.href } }));
    const client = url.protocol === "https:" ? https : http;
    return new Promise<Hop>((resolve, reject) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let received = 0;
      let decoded = 0;
      const finish = (err: Error | null, hop?: Hop) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(connect);
        if (err) {
          req.destroy();
          reject(
            isAppError(err)
              ? err
              : monitoringErrors.fetchNetwork({ cause: err, meta: { url: url.href, reason: err.message } }),
          );
        } else resolve(hop as Hop);
      };
      const req = client.request(url, {
        method: "GET",
        headers,
        agent: false,
        lookup: isTrusted ? trustedLookup : guardedLookup,
        timeout: undefined,
      });
      const total = setTimeout(
        () => finish(monitoringErrors.fetchTimeout({ meta: { url: url.href, phase: "total" } })),
        remaining,
      );
      const connect = setTimeout(
        () => finish(monitoringErrors.fetchTimeout({ meta: { url: url.href, phase: "connect" } })),
        Math.min(opts.connectTimeoutMs, remaining),
      );
      req.on("socket", (socket) => socket.once("connect", () => clearTimeout(connect)));
      req.on("error", (err) => finish(err));
      req.on("response", (res: IncomingMessage) => {
        clearTimeout(connect);
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status) || status === 304 || status >= 400) {
          res.destroy(); // the body of redirects and errors is not needed
          finish(null, { status, headers: res.headers, body: Buffer.alloc(0) });
          return;
        }
        const length = Number(header(res.headers, "content-length") ?? "0");
        if (length > maxBytes) {
          finish(
            monitoringErrors.fetchTooLarge({ meta: { url: url.href, contentLength: length, maxBytes } }),
          );
          return;
        }
        const decoder = decompressor(header(res.headers, "content-encoding"));
        const tooLarge = (what: string) =>
          finish(monitoringErrors.fetchTooLarge({ meta: { url: url.href, what, maxBytes } }));
        res.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) return tooLarge("raw");
          if (decoder) decoder.write(chunk);
          else chunks.push(chunk);
        });
        res.on("error", (err) => finish(err));
        res.on("aborted", () =>
          finish(monitoringErrors.fetchNetwork({ meta: { url: url.href, reason: "aborted" } })),
        );
        const done = () => finish(null, { status, headers: res.headers, body: Buffer.concat(chunks) });
        if (decoder) {
          decoder.on("data", (chunk: Buffer) => {
            decoded += chunk.length;
            if (decoded > opts.maxDecodedBytes) {
              decoder.destroy();
              return tooLarge("decoded");
            }
            chunks.push(chunk);
          });
          decoder.on("error", (err) => finish(err));
          decoder.on("end", done);
          res.on("end", () => decoder.end());
        } else res.on("end", done);
      });
      req.end();
    });
  }

  async function robotsFor(url: URL, deadline: number): Promise<RobotsRules> {
    const cached = robotsCache.get(url.origin);
    if (cached && cached.expires > Date.now()) return cached.rules;
    let rules: RobotsRules;
    try {
      const result = await fetchFollowing({ url: `${url.origin}/robots.txt` }, deadline, 512 * 1024);
      rules = parseRobots(result.text);
    } catch (err) {
      if (isAppError(err) && err.code === "fetch_http_status") {
        const status = Number(err.meta?.status);
        rules = status >= 400 && status < 500 ? ALLOW_ALL : DISALLOW_ALL; // RFC 9309: 4xx = no rules, 5xx = unreachable
      } else if (isAppError(err) && err.code === "fetch_blocked_address") throw err;
      else rules = DISALLOW_ALL;
    }
    if (robotsCache.size >= MAX_ROBOTS_CACHED) {
      const now = Date.now();
      for (const [origin, entry] of robotsCache) if (entry.expires <= now) robotsCache.delete(origin);
      // Still full of live entries: drop the oldest (Map keeps insertion order).
      if (robotsCache.size >= MAX_ROBOTS_CACHED)
        robotsCache.delete(robotsCache.keys().next().value as string);
    }
    robotsCache.delete(url.origin); // re-insert at the end: recently fetched origins are kept longest
    robotsCache.set(url.origin, { rules, expires: Date.now() + opts.robotsTtlMs });
    return rules;
  }

  async function fetchFollowing(
    request: FetchRequest,
    deadline: number,
    maxBytes: number,
  ): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw monitoringErrors.fetchInvalidUrl({ meta: { url: request.url } });
    }
    const redirects: string[] = [];
    const visited = new Set<string>();
    for (;;) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw monitoringErrors.fetchInvalidUrl({ meta: { url: url.href } });
      url.hash = "";
      if (visited.has(url.href))
        throw monitoringErrors.fetchTooManyRedirects({ meta: { url: url.href, loop: true, redirects } });
      visited.add(url.href);
      const current = url;
      if (
        request.checkRobots &&
        !isAllowedByRobots(
          await robotsFor(current, deadline),
          opts.userAgent,
          current.pathname + current.search,
        )
      )
        throw monitoringErrors.fetchRobotsDisallowed({ meta: { url: current.href } });
      const headers: Record<string, string> = {
        "user-agent": opts.userAgent,
        accept: request.accept ?? "*/*",
        "accept-encoding": "gzip, deflate, br",
      };
      if (request.etag) headers["if-none-match"] = request.etag;
      if (request.lastModified) headers["if-modified-since"] = request.lastModified;
      const hop = await limiter.run(current.host, () => requestOnce(current, headers, deadline, maxBytes));
      const location = header(hop.headers, "location");
      if (REDIRECTS.has(hop.status) && location) {
        if (redirects.length >= opts.maxRedirects)
          throw monitoringErrors.fetchTooManyRedirects({ meta: { url: current.href, redirects } });
        redirects.push(current.href);
        url = new URL(location, current);
        continue;
      }
      const base = {
        url: current.href,
        status: hop.status,
        etag: header(hop.headers, "etag"),
        lastModified: header(hop.headers, "last-modified"),
        contentType: header(hop.headers, "content-type"),
        redirects,
      };
      if (hop.status === 304) return { ...base, notModified: true, body: hop.body, text: "" };
      if (hop.status < 200 || hop.status >= 300)
        throw monitoringErrors.fetchHttpStatus({ meta: { url: current.href, status: hop.status } });
      const { text, charset } = decodeBody(hop.body, base.contentType);
      return { ...base, notModified: false, body: hop.body, text, charset };
    }
  }

  return {
    fetch: (request) => fetchFollowing(request, Date.now() + opts.totalTimeoutMs, opts.maxBytes),
    trustOrigin,
  };
}
