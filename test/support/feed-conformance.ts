/**
 * feedparser's test feeds as a conformance corpus for the project's feed reader (issue 14 §3).
 *
 * Each test file carries `Expect:` — a Python expression over feedparser's result. We read the file the
 * way the fetcher does (`decodeBody`: BOM, Content-Type from the file's `Header:` line, XML declaration,
 * NFC), parse it with `parseFeed`, build a feedparser-shaped view of the project's own fields, and evaluate
 * each `and`-separated part of the expression that only touches mapped fields. The mapping:
 *
 * | feedparser                                               | project                                  |
 * |----------------------------------------------------------|------------------------------------------|
 * | `bozo`                                                   | `warnings.length > 0`                    |
 * | `encoding`                                               | detected charset (WHATWG label aliases)  |
 * | `version`                                                | `format` (rss09x/rss20 → rss2, rss090/rss10 → rss1, atom* → atom) |
 * | `feed.title`, `title_detail.value`                      | `meta.title` (text: titles are stored as plain text) |
 * | `feed.link`                                              | `meta.siteUrl`                           |
 * | `feed.subtitle`/`tagline`/`description` (+`_detail.value`) | `meta.description` (text)             |
 * | `feed.language`, `feed.*_detail.language`                | `meta.language`                          |
 * | `feed.updated`, `updated_parsed`                         | `meta.updatedAt` (same instant)          |
 * | `entries[i].title`, `title_detail.value`                 | `items[i].title` (text)                  |
 * | `entries[i].link`                                        | `items[i].url`                           |
 * | `entries[i].id`, `guid`                                  | `items[i].guid`                          |
 * | `entries[i].summary`/`description` (+`summary_detail.value`) | `items[i].summary` (text kept)       |
 * | `entries[i].content[0].value`                            | `items[i].contentHtml` (text kept)       |
 * | `entries[i].published`/`issued`/`date`/`updated` (+`_parsed`) | `items[i].publishedAt` (same instant) |
 * | `entries[i].author`, `author_detail.name`                | `items[i].author`                        |
 * | `entries[i].*_detail.language`, `language`               | `items[i].language`                      |
 *
 * Left out (the part is "unmapped", not counted): links lists and rel/type, `*_detail.type`/`base`,
 * tags/categories, contributors, source, rights/copyright, generator, image, textinput, cloud, enclosures,
 * comments, license, publisher, ttl, errorreportsto, `guidislink`, and the extensions the product does not
 * use: CDF, iTunes, Media RSS, GeoRSS/GML, PSC (podcast chapters), FeedBurner; statistical charset guessing
 * (`SkipUnless: chardet`); `encoding == 'us-ascii'` for `text/*` without a charset (RFC 3023's default,
 * obsoleted by RFC 7303 §8.5: the XML declaration decides, as in the fetcher). HTML-bearing fields are compared by the text they keep (tags and entities
 * resolved, whitespace collapsed): the project stores HTML sanitised, not byte for byte.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { htmlToText } from "../../src/modules/monitoring/extract/html.text.js";
import { toIsoDate } from "../../src/modules/monitoring/feeds/feed.normalize.js";
import { parseFeed } from "../../src/modules/monitoring/feeds/feed.parse.js";
import type { ParsedFeed } from "../../src/modules/monitoring/feeds/feed.types.js";
import { authorName } from "../../src/modules/monitoring/feeds/feed.xml-formats.js";
import { charsetWarnings, decodeBody } from "../../src/modules/monitoring/fetch/fetch.charset.js";
import {
  type Env,
  Evaluator,
  type Py,
  type PyDict,
  type Special,
  tokenize,
  truthy,
  Unmapped,
} from "./python-expression.js";

/** Where the corpus is: `/work/shared/conformance` or `../shared/conformance` beside the clone. */
export function findConformanceRoot(repoRoot: string): string | null {
  for (const candidate of [
    process.env.HAIDANG_CONFORMANCE_DIR,
    path.resolve(repoRoot, "..", "shared", "conformance"),
    "/work/shared/conformance",
  ]) {
    if (candidate && statSync(path.join(candidate, "feedparser", "tests"), { throwIfNoEntry: false }))
      return candidate;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The feedparser-shaped view of a parsed feed.

const textKey = (s: string) =>
  htmlToText(s.includes("<") || s.includes("&") ? s : s.replace(/</g, "&lt;"))
    .replace(/\s+/g, " ")
    .trim();

/** A text field: equal when the text kept is the same; `in` looks for the text inside. */
function text(value: string | undefined): Special {
  return {
    kind: "special",
    value: value ?? "",
    compare: (other) => {
      if (other !== null && typeof other === "object" && !Array.isArray(other) && other.kind === "tuple") {
        const needle = other.items[0];
        return typeof needle === "string" && textKey(value ?? "").includes(textKey(needle));
      }
      return typeof other === "string" && textKey(value ?? "") === textKey(other);
    },
  };
}

function plain(value: string | undefined): Special {
  return { kind: "special", value: value ?? "", compare: (other) => other === (value ?? "") };
}

/** A date: equal to a string at the same instant or to a time tuple of the same UTC fields. */
function instant(iso: string | undefined): Special {
  return {
    kind: "special",
    value: iso ?? "",
    compare: (other) => {
      if (!iso) return other === null || other === "";
      if (typeof other === "string") return toIsoDate(other) === iso;
      if (other !== null && typeof other === "object" && !Array.isArray(other) && other.kind === "tuple") {
        const d = new Date(iso);
        const fields = [
          d.getUTCFullYear(),
          d.getUTCMonth() + 1,
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes(),
          d.getUTCSeconds(),
        ];
        return fields.every((f, i) => other.items[i] === f);
      }
      return false;
    },
  };
}

const CHARSET_ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  utf8: "utf-8",
  "utf-16": "utf-16le",
  utf16: "utf-16le",
};
const charsetKey = (s: string) => {
  const lower = s.toLowerCase().replace(/_/g, "-");
  return CHARSET_ALIASES[lower] ?? lower;
};

function dict(entries: Record<string, Py>): PyDict {
  return { kind: "dict", entries: new Map(Object.entries(entries)) };
}

/** `*_detail`: only the value is mapped; the model keeps one language per item, not per field. */
function detail(value: Special): PyDict {
  return dict({ value });
}

/** A URL: compared after WHATWG normalisation (the project stores normalised absolute URLs). */
function url(value: string | undefined): Special {
  return {
    kind: "special",
    value: value ?? "",
    compare: (other) => {
      if (typeof other !== "string") return false;
      try {
        return new URL(other).toString() === (value ?? "");
      } catch {
        return other === (value ?? "");
      }
    },
  };
}

/** An author: the project stores the person's name ("Name (email)" → "Name"). */
function person(value: string | undefined): Special {
  return {
    kind: "special",
    value: value ?? "",
    compare: (other) => typeof other === "string" && authorName(other) === (value ?? ""),
  };
}

function feedView(feed: ParsedFeed): PyDict {
  const m = feed.meta;
  const description = text(m.description);
  return dict({
    title: text(m.title),
    title_detail: detail(text(m.title)),
    link: url(m.siteUrl),
    subtitle: description,
    tagline: description,
    description,
    subtitle_detail: detail(description),
    tagline_detail: detail(description),
    language: plain(m.language),
    updated: instant(m.updatedAt),
    updated_parsed: instant(m.updatedAt),
    modified_parsed: instant(m.updatedAt),
  });
}

function entryView(item: ParsedFeed["items"][number]): PyDict {
  const summary = text(item.summary);
  const published = instant(item.publishedAt);
  const content = text(item.contentHtml);
  return dict({
    title: text(item.title),
    title_detail: detail(text(item.title)),
    link: url(item.url),
    id: plain(item.guid),
    guid: plain(item.guid),
    summary,
    description: summary,
    summary_detail: detail(summary),
    content: [detail(content)],
    published,
    published_parsed: published,
    issued: published,
    issued_parsed: published,
    date: published,
    date_parsed: published,
    updated: published,
    updated_parsed: published,
    modified_parsed: published,
    author: person(item.author),
    author_detail: dict({ name: person(item.author) }),
    language: plain(item.language),
  });
}

const VERSIONS: Record<string, string> = {
  rss090: "rss1",
  rss10: "rss1",
  rss091n: "rss2",
  rss091u: "rss2",
  rss092: "rss2",
  rss093: "rss2",
  rss094: "rss2",
  rss20: "rss2",
  rss: "rss2",
  atom03: "atom",
  atom10: "atom",
  atom: "atom",
};

// ---------------------------------------------------------------------------------------------------

/** Every key the views above define; a part naming another key is unmapped before it is evaluated. */
const MAPPED_KEYS = new Set([
  ...Object.keys(
    Object.fromEntries(feedView({ format: "rss2", meta: { title: "" }, items: [], warnings: [] }).entries),
  ),
  ...Object.keys(Object.fromEntries(entryView({ guid: "", url: "", title: "" }).entries)),
  "value",
  "name",
  "struct_time",
  "get",
]);

/** Folders the product leaves out whole (extensions it does not use). */
export const LEFT_OUT_FOLDERS = ["cdf", "itunes", "media-rss", "geo", "psc", "feedburner"];

export interface FileResult {
  file: string;
  folder: string;
  /** Parts of the Expect line that touched mapped fields, and how many held. */
  mapped: number;
  passed: number;
  failures: string[];
  crashed?: string;
  /** HTML fields whose sanitised form still had something executable (sanitize folder). */
  unsafe: string[];
  /** Characters of text kept after sanitising, and in feedparser's expected value (sanitize folder). */
  textKept?: { ours: number; expected: number };
}

/** Top-level `and` parts of an expression (parentheses and strings respected). */
function splitAnd(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && expression.startsWith(" and ", i)) {
      parts.push(expression.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(expression.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** A `text/*` Content-Type without a charset whose test expects RFC 3023's us-ascii default. */
function isObsoleteTextXmlDefault(header: string | undefined, expectLine: string): boolean {
  return (
    header !== undefined &&
    /^text\//i.test(header) &&
    !/charset=/i.test(header) &&
    /encoding\s*==\s*u?['"]us-ascii['"]/i.test(expectLine)
  );
}

/** Checks one test feed; `sanitize` is called on HTML fields to judge the sanitize folder. */
export function checkFile(
  file: string,
  folder: string,
  sanitize: (html: string) => string,
  isExecutable: (html: string) => boolean,
): FileResult {
  const bytes = readFileSync(file);
  const head = bytes.subarray(0, 2000).toString("latin1");
  const expectLine = /Expect:\s*(.*)/.exec(head)?.[1]?.trim() ?? "";
  const header = /Header:\s*Content-type:\s*(.*)/i.exec(head)?.[1]?.trim();
  // The fetcher passes the URL it read the feed from; feedparser's suite serves its files from this one.
  const location = /Header:\s*Content-Location:\s*(.*)/i.exec(head)?.[1]?.trim();
  const documentUrl = `http://127.0.0.1:8097/tests/${file.split("/tests/")[1] ?? ""}`;
  const skipUnless = /SkipUnless:\s*(.*)/.exec(head)?.[1] ?? "";
  const result: FileResult = { file, folder, mapped: 0, passed: 0, failures: [], unsafe: [] };
  if (/chardet/.test(skipUnless)) return result; // statistical charset guessing: left out
  if (/\/cdf_[^/]*$/.test(file)) return result; // CDF documents: a format left out
  let feed: ParsedFeed | null = null;
  let charset = "";
  let doubts = 0;
  try {
    const decoded = decodeBody(bytes, header);
    charset = decoded.charset.charset;
    doubts = charsetWarnings(bytes, header).length;
    feed = parseFeed(decoded.text, { baseUrl: location ?? documentUrl });
  } catch (err) {
    if (!(err instanceof Error) || !("code" in err)) result.crashed = String(err);
  }
  if (feed) {
    for (const item of feed.items)
      for (const html of [item.summary, item.contentHtml, item.title])
        if (html && isExecutable(sanitize(html))) result.unsafe.push(sanitize(html).slice(0, 120));
  }
  const entries = feed ? feed.items.map(entryView) : [];
  const env: Env = (name) => {
    if (name === "bozo") return feed ? feed.warnings.length + doubts > 0 : true;
    if (name === "feed") return feed ? feedView(feed) : dict({});
    if (name === "entries") return entries;
    // RFC 3023 made us-ascii the default of text/xml without a charset, whatever the XML declaration said;
    // RFC 7303 §8.5 (2014) obsoletes that and lets the declaration decide, as the fetcher does. Those
    // expectations test the obsolete rule, so they are left out rather than counted against us.
    if (name === "encoding" && isObsoleteTextXmlDefault(header, expectLine)) throw new Unmapped(name);
    if (name === "encoding")
      return {
        kind: "special",
        value: charset,
        compare: (o) => typeof o === "string" && charsetKey(o) === charsetKey(charset),
      };
    if (name === "version")
      return {
        kind: "special",
        value: feed?.format ?? "",
        compare: (o) => typeof o === "string" && VERSIONS[o] !== undefined && VERSIONS[o] === feed?.format,
      };
    throw new Unmapped(name);
  };
  for (const part of splitAnd(expectLine)) {
    const keys = [...part.matchAll(/\[\s*u?['"]([^'"]+)['"]\s*\]|\.([a-z_]+)\b/g)].map((m) => m[1] ?? m[2]);
    if (keys.some((k) => k !== undefined && !MAPPED_KEYS.has(k))) continue;
    try {
      const value = new Evaluator(tokenize(part), env).parseAll();
      result.mapped++;
      if (truthy(value)) result.passed++;
      else result.failures.push(part);
    } catch (err) {
      if (err instanceof Unmapped) continue;
      result.mapped++;
      result.failures.push(`${part} (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (folder.startsWith("wellformed/sanitize") && feed) {
    // The field the expectation is about, and feedparser's value for it (string literals joined).
    const field = /(feed|entries\[0\])\s*\[\s*['"](\w+)['"]\s*\]/.exec(expectLine);
    const rhs = expectLine.split("==").slice(1).join("==");
    let expected = "";
    try {
      expected = tokenize(rhs)
        .filter((t) => t.t === "str")
        .map((t) => String(t.v))
        .join("");
    } catch {
      expected = "";
    }
    const item = feed.items[0];
    const key = field?.[2] ?? "";
    const ours =
      field?.[1] === "feed"
        ? key === "title"
          ? feed.meta.title
          : feed.meta.description
        : key === "title"
          ? item?.title
          : key === "content"
            ? item?.contentHtml
            : item?.summary;
    // Fields the model does not keep (copyright, info, …) are not measured.
    if (["title", "summary", "description", "content", "subtitle", "tagline"].includes(key))
      result.textKept = { ours: textKey(sanitize(ours ?? "")).length, expected: textKey(expected).length };
  }
  return result;
}

/** All test files under a folder, recursively. */
export function listFeeds(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFeeds(full));
    else if (/\.(xml|rdf|atom|rss)$/i.test(name)) out.push(full);
  }
  return out;
}

/** Runs every folder; returns results grouped by folder ("wellformed/rss", "illformed", ...). */
export function runConformance(
  root: string,
  sanitize: (html: string) => string,
  isExecutable: (html: string) => boolean,
): Map<string, FileResult[]> {
  const tests = path.join(root, "feedparser", "tests");
  const byFolder = new Map<string, FileResult[]>();
  for (const file of listFeeds(tests)) {
    const relative = path.relative(tests, file).split(path.sep);
    const folder = relative[0] === "wellformed" ? `wellformed/${relative[1]}` : (relative[0] as string);
    const results = byFolder.get(folder) ?? [];
    results.push(checkFile(file, folder, sanitize, isExecutable));
    byFolder.set(folder, results);
  }
  return byFolder;
}

/** True when HTML still holds something a browser could run (tags, handlers, script URLs, styles). */
export function hasExecutableHtml(html: string): boolean {
  return (
    /<\s*(script|style|iframe|frame|object|embed|applet|svg|math|form|input|button|meta|link|base|noscript|video|audio|source|details|template)\b/i.test(
      html,
    ) ||
    /<[^>]+\son[a-z]+\s*=/i.test(html) ||
    /<[^>]+(href|src|action|formaction|background|poster|cite|data)\s*=\s*["']?\s*(javascript|vbscript|data|livescript)\s*:/i.test(
      html,
    ) ||
    /<[^>]+\sstyle\s*=/i.test(html) ||
    /<[^>]+\ssrcset\s*=/i.test(html)
  );
}
