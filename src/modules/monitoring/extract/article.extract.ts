/**
 * Main-content extraction of an article page with Mozilla Readability on a linkedom document, falling back
 * to the feed summary when the page has no recognisable article.
 */
import type { Readability } from "@mozilla/readability";
import { lazyRequire } from "../../../platform/lazy-require.js";
import { type DomElement, parseHtmlDocument } from "./html.dom.js";
import { sanitizeElementContent, sanitizeHtml } from "./html.sanitize.js";
import { htmlToText, nodeToText } from "./html.text.js";

const readability = lazyRequire<typeof import("@mozilla/readability")>("@mozilla/readability");

/** What was extracted. `html` is sanitised and safe to display. */
export interface ExtractedArticle {
  title: string;
  text: string;
  html: string;
  byline?: string;
  language?: string;
  publishedTime?: string;
  /** "readability" when the page yielded an article, "summary" or "page" when we fell back. */
  method: "readability" | "summary" | "page";
}

/** Options: the feed item's title/summary are used when extraction fails. */
export interface ExtractOptions {
  fallbackTitle?: string;
  fallbackSummaryHtml?: string;
  /** Articles with less text than this are treated as failed extraction. Default 200 characters. */
  minTextLength?: number;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability<DomElement>>[0];

function pageTitle(html: string): string {
  const doc = parseHtmlDocument(html);
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute("content");
  return (og ?? doc.querySelector("title")?.textContent ?? "").trim();
}

function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n[ \n]*/g, "\n")
    .trim();
}

/**
 * Extracts title, text and sanitised HTML of an article page.
 *
 * @example extractArticle(pageHtml, { fallbackTitle: item.title, fallbackSummaryHtml: item.summary })
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const minLength = options.minTextLength ?? 200;
  // Readability mutates the document, so it gets its own parse.
  const doc = parseHtmlDocument(html);
  let parsed: ReturnType<Readability<DomElement>["parse"]> = null;
  try {
    // The serializer hands back the article element itself: its text and sanitised HTML are read from
    // this one parse instead of serialising it and parsing the result twice more.
    const { Readability: ReadabilityParser } = readability();
    parsed = new ReadabilityParser<DomElement>(doc as unknown as ReadabilityDocument, {
      charThreshold: 200,
      serializer: (node) => node as unknown as DomElement,
    }).parse();
  } catch {
    parsed = null; // a page Readability cannot handle is a fallback case, not an error
  }
  const content = parsed?.content ?? null;
  const text = content ? nodeToText(content) : tidy(parsed?.textContent ?? "");
  if (parsed && text.length >= minLength) {
    return {
      title: (parsed.title ?? options.fallbackTitle ?? "").trim(),
      text,
      html: content ? sanitizeElementContent(content) : "",
      byline: parsed.byline?.trim() || undefined,
      language: parsed.lang ?? undefined,
      publishedTime: parsed.publishedTime ?? undefined,
      method: "readability",
    };
  }
  const title = options.fallbackTitle?.trim() || parsed?.title?.trim() || pageTitle(html);
  if (options.fallbackSummaryHtml) {
    return {
      title,
      text: htmlToText(options.fallbackSummaryHtml),
      html: sanitizeHtml(options.fallbackSummaryHtml),
      method: "summary",
    };
  }
  return { title, text: htmlToText(html), html: sanitizeHtml(html), method: "page" };
}
