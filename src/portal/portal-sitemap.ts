/**
 * The sitemap with hreflang alternates: one file up to `perFile` addresses (10,000), beyond that a sitemap
 * index of numbered files (`/sitemaps/1.xml` …). Every published text lists its item's other published
 * languages (reciprocal alternates) and x-default (Vietnamese, else the first language).
 *
 * Built so that the first fetch after a change stays well under a second with 70,000 addresses:
 * - one index-only query of the four columns needed (migration 0027 covers it), ordered by item;
 * - a plan per content version: which texts each file holds and a fingerprint of everything its bytes
 *   depend on (the base address, the languages, and every text of every item it touches, since an
 *   item's alternates may sit in the next file). Cheap: no XML is written to plan;
 * - a file's bytes are written on its first request, straight into a buffer (no string per address,
 *   no join, no re-encoding), and kept per fingerprint: after a change only the file(s) whose items
 *   changed are written again, the others keep their bytes and ETag (the ETag is the fingerprint);
 * - each written file is also gzipped in the thread pool (55 MB → a few MB for crawlers that accept it),
 *   served once ready, with its own ETag and `Vary: Accept-Encoding`.
 */
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import type { SitemapRow } from "../modules/portal/portal-public.repository.js";
import type { PortalLanguage } from "../shared/api/portal.js";
import { xml } from "./portal-feeds.js";
import type { SiteContext } from "./portal-pages.js";
import { HREFLANG } from "./portal-strings.js";

/** Addresses per sitemap file (the protocol allows 50,000 and 50 MB; every text carries up to eight links). */
export const SITEMAP_URLS_PER_FILE = 10_000;

/** A written sitemap file (or the index). */
export interface SitemapBytes {
  body: Buffer;
  /** The body gzipped for clients that accept it: null until compressed (off the main thread). */
  gzipped: Buffer | null;
  etag: string;
  /** ISO time of the newest change the bytes reflect. */
  lastModified: string | null;
}

/** The texts of one item (only enabled languages). */
interface Group {
  rows: SitemapRow[];
}

/** A run of one item's texts inside a file. */
interface Segment {
  group: Group;
  from: number;
  to: number;
}

interface PlannedFile {
  /** Whether the language home pages open this file (the first one). */
  homes: boolean;
  segments: Segment[];
  fingerprint: string;
}

export interface SitemapPlan {
  files: PlannedFile[];
  lastModified: string | null;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const TAIL = "\n</urlset>\n";

/** Appends strings to a growing buffer (UTF-8), without building one big string first. */
class ByteWriter {
  #buf: Buffer;
  #length = 0;
  constructor(size: number) {
    this.#buf = Buffer.allocUnsafe(size);
  }
  write(text: string): void {
    // A UTF-8 character is at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.#length + most > this.#buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#length + most));
      this.#buf.copy(next, 0, 0, this.#length);
      this.#buf = next;
    }
    this.#length += this.#buf.write(text, this.#length, "utf8");
  }
  bytes(): Buffer {
    return this.#buf.subarray(0, this.#length);
  }
}

/**
 * Splits the published texts (`rows` ordered by item) into files of at most `perFile` addresses, the
 * language home pages first, and fingerprints each file. No XML is written here.
 */
export function planSitemap(
  ctx: SiteContext,
  rows: readonly SitemapRow[],
  lastModified: string | null,
  perFile = SITEMAP_URLS_PER_FILE,
): SitemapPlan {
  const enabled = new Set<string>(ctx.languages);
  const files: PlannedFile[] = [];
  // Per file: [from, to, hash a, hash b] of every item run it holds (the item's whole group hashed).
  const keys: number[][] = [];
  let current: PlannedFile = { homes: true, segments: [], fingerprint: "" };
  let currentKeys: number[] = [];
  let used = Math.min(ctx.languages.length, perFile);
  const close = () => {
    files.push(current);
    keys.push(currentKeys);
    current = { homes: false, segments: [], fingerprint: "" };
    currentKeys = [];
    used = 0;
  };
  if (used >= perFile) close();
  const place = (group: Group, a: number, b: number) => {
    let from = 0;
    while (from < group.rows.length) {
      const to = Math.min(group.rows.length, from + (perFile - used));
      current.segments.push({ group, from, to });
      currentKeys.push(from, to, a, b);
      used += to - from;
      from = to;
      if (used >= perFile) close();
    }
  };
  const allEnabled = rows.every((r) => enabled.has(r.lang));
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const first = rows[start] as SitemapRow;
    if (i < rows.length && rows[i]?.item_id === first.item_id) continue;
    const texts = allEnabled ? rows.slice(start, i) : rows.slice(start, i).filter((r) => enabled.has(r.lang));
    start = i;
    if (texts.length === 0) continue;
    // Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) of what the entries show.
    let a = 0x811c9dc5;
    let b = 0x5bd1e995;
    const feed = (text: string, length: number) => {
      for (let k = 0; k < length; k++) {
        const c = text.charCodeAt(k);
        a = Math.imul(a ^ c, 16777619);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 13;
      }
      a = Math.imul(a ^ 0xffff, 16777619);
      b = Math.imul(b ^ 0xffff, 0x5bd1e995);
    };
    feed(first.item_id, first.item_id.length);
    for (const r of texts) {
      feed(r.lang, r.lang.length);
      feed(r.slug, r.slug.length);
      feed(r.updated_at, Math.min(10, r.updated_at.length));
    }
    place({ rows: texts }, a | 0, b | 0);
  }
  if (used > 0 || current.homes || files.length === 0) close();
  const head = `${ctx.base}\u0005${ctx.languages.join(",")}\u0005`;
  files.forEach((file, n) => {
    const hash = createHash("sha1").update(head);
    if (file.homes) hash.update("homes\u0005");
    hash.update(new Uint8Array(Int32Array.from(keys[n] as number[]).buffer));
    file.fingerprint = `"sm-${hash.digest("base64url").slice(0, 22)}"`;
  });
  return { files, lastModified };
}

/** Writes the XML of a planned file. */
export function writeSitemapFile(ctx: SiteContext, file: PlannedFile): Buffer {
  const out = new ByteWriter(64 * 1024 + file.segments.reduce((n, s) => n + (s.to - s.from), 0) * 900);
  const base = xml(ctx.base);
  out.write(HEAD);
  let first = true;
  const separate = () => {
    if (first) first = false;
    else out.write("\n");
  };
  if (file.homes) {
    const homes = ctx.languages
      .map((l) => `<xhtml:link rel="alternate" hreflang="${HREFLANG[l]}" href="${base}/${l}/"/>`)
      .join("");
    const xDefault = `<xhtml:link rel="alternate" hreflang="x-default" href="${base}/vi/"/></url>`;
    for (const l of ctx.languages) {
      separate();
      out.write(`<url><loc>${base}/${l}/</loc>${homes}${xDefault}`);
    }
  }
  let alternatesOf: Group | null = null;
  let hrefs: string[] = [];
  let alternates = "";
  for (const { group, from, to } of file.segments) {
    if (alternatesOf !== group) {
      alternatesOf = group;
      hrefs = group.rows.map((t) => xml(`${ctx.base}/${t.lang}/${encodeURIComponent(t.slug)}`));
      let links = "";
      let xDefault = -1;
      group.rows.forEach((t, i) => {
        links += `<xhtml:link rel="alternate" hreflang="${HREFLANG[t.lang as PortalLanguage]}" href="${hrefs[i]}"/>`;
        if (t.lang === "vi") xDefault = i;
      });
      alternates = `${links}<xhtml:link rel="alternate" hreflang="x-default" href="${hrefs[Math.max(xDefault, 0)]}"/></url>`;
    }
    for (let i = from; i < to; i++) {
      separate();
      out.write(
        `<url><loc>${hrefs[i]}</loc><lastmod>${(group.rows[i] as SitemapRow).updated_at.slice(0, 10)}</lastmod>`,
      );
      out.write(alternates);
    }
  }
  out.write(TAIL);
  return out.bytes();
}

/** The sitemap index listing the numbered sitemap files. */
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

/**
 * The sitemap of one process: a plan per (base, content version), and files written once per
 * fingerprint. `onWrite` is told of every file written (tests and benches count them).
 */
export function createSitemap(options: {
  rows: () => Promise<SitemapRow[]>;
  lastChange: () => Promise<string | null>;
  perFile?: number;
  onWrite?: (file: number) => void;
}) {
  let planned: { key: string; plan: Promise<SitemapPlan> } | null = null;
  let written = new Map<string, SitemapBytes>();

  function planFor(ctx: SiteContext, version: string): Promise<SitemapPlan> {
    const key = `${ctx.base}|${ctx.languages.join(",")}|${version}`;
    if (planned?.key !== key) {
      const plan = Promise.all([options.rows(), options.lastChange()]).then(([rows, at]) => {
        const next = planSitemap(ctx, rows, at, options.perFile);
        // Keep only the files this plan still has.
        const kept = new Map<string, SitemapBytes>();
        for (const f of next.files) {
          const old = written.get(f.fingerprint);
          if (old) kept.set(f.fingerprint, old);
        }
        written = kept;
        return next;
      });
      plan.catch(() => {
        if (planned?.plan === plan) planned = null;
      });
      planned = { key, plan };
    }
    return planned.plan;
  }

  return {
    /** `/sitemap.xml`: the only file, or the index of files. */
    async root(ctx: SiteContext, version: string): Promise<SitemapBytes> {
      const plan = await planFor(ctx, version);
      if (plan.files.length === 1) return (await this.file(ctx, version, 1)) as SitemapBytes;
      // A few hundred bytes: not worth compressing.
      const body = Buffer.from(sitemapIndex(ctx, plan.files.length, plan.lastModified));
      const etag = `"smi-${createHash("sha1")
        .update(plan.files.map((f) => f.fingerprint).join(","))
        .update(plan.lastModified ?? "")
        .digest("base64url")
        .slice(0, 22)}"`;
      return { body, gzipped: null, etag, lastModified: plan.lastModified };
    },
    /** File `n` (from 1); undefined when there is no such file. */
    async file(ctx: SiteContext, version: string, n: number): Promise<SitemapBytes | undefined> {
      const plan = await planFor(ctx, version);
      const file = plan.files[n - 1];
      if (!file) return undefined;
      let bytes = written.get(file.fingerprint);
      if (!bytes) {
        const fresh: SitemapBytes = {
          body: writeSitemapFile(ctx, file),
          gzipped: null,
          etag: file.fingerprint,
          lastModified: plan.lastModified,
        };
        bytes = fresh;
        written.set(file.fingerprint, fresh);
        // Compressed in the thread pool: this answer goes out uncompressed rather than wait for it.
        zlib.gzip(fresh.body, { level: 1 }, (err, out) => {
          if (!err) fresh.gzipped = out;
        });
        options.onWrite?.(n);
      }
      return bytes;
    },
    /** How many files the current plan has (1: no index). */
    async count(ctx: SiteContext, version: string): Promise<number> {
      return (await planFor(ctx, version)).files.length;
    },
  };
}
