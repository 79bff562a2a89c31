/**
 * Analyse one article stored in a file — what `haidang monitor analyze FILE --json` runs.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { extractArticle } from "../extract/article.extract.js";
import {
  type AnalysisConfig,
  type ArticleAnalysis,
  analyzeArticle,
  DEFAULT_ANALYSIS_CONFIG,
} from "./article.analyze.js";
import { loadLanguageModel } from "./language.identify.js";

/** Reads a text file as: first non-empty line = title, the rest = body. */
export function splitTitleAndBody(content: string): { title: string; text: string } {
  const lines = content
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const first = lines.findIndex((l) => l.trim().length > 0);
  if (first < 0) return { title: "", text: "" };
  return {
    title: (lines[first] ?? "").trim(),
    text: lines
      .slice(first + 1)
      .join("\n")
      .trim(),
  };
}

/** True when the content looks like an HTML document or fragment rather than plain text. */
export function looksLikeHtml(path: string, content: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return true;
  if (ext === ".txt" || ext === ".md") return false;
  return (
    /^\s*(<!doctype html|<html[\s>])/i.test(content) ||
    /<(p|div|article|body)[\s>]/i.test(content.slice(0, 4000))
  );
}

/**
 * Analyses a UTF-8 text or HTML file. HTML goes through Readability (main content only); text files are
 * "title line, blank line, body". Loads the language model unless the config already has one.
 *
 * @example const result = await analyzeFile("article.html"); console.log(JSON.stringify(result));
 */
export async function analyzeFile(
  path: string,
  config: AnalysisConfig = DEFAULT_ANALYSIS_CONFIG,
): Promise<ArticleAnalysis> {
  const content = await readFile(path, "utf8");
  const effective = config.languageModel ? config : { ...config, languageModel: await loadLanguageModel() };
  if (looksLikeHtml(path, content)) {
    const article = extractArticle(content);
    return analyzeArticle({ title: article.title, text: article.text }, effective);
  }
  return analyzeArticle(splitTitleAndBody(content), effective);
}
