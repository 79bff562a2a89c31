/**
 * The public portal as every visitor meets it, checked in Chromium: in all seven languages the home page,
 * an article, a product, a search with results and a not-found page have no "serious" or "critical"
 * accessibility violation found by axe-core (nor a skipped heading level), and their HTML is valid for html-validate's recommended
 * rules (only matters of taste switched off, each with its reason below).
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { HtmlValidate, type Report } from "html-validate";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPortalApp } from "../../src/portal/portal-app.js";
import { PORTAL_STRINGS } from "../../src/portal/portal-strings.js";
import type { PortalLanguage } from "../../src/shared/api/portal.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { CHROMIUM, requireChromium } from "../support/browser.js";

const LANGUAGES: PortalLanguage[] = ["vi", "en", "zh", "ja", "ko", "fr", "ru"];

/** A word found in the demo content of each language, so that each search page lists results. */
const QUERIES: Record<PortalLanguage, string> = {
  vi: "Hải Phòng",
  en: "Hai Phong",
  zh: "海防",
  ja: "カットバー",
  ko: "하이퐁",
  fr: "Hai Phong",
  ru: "хайфон",
};

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // A title's length is an SEO preference, not validity: editors' article titles plus the site name
    // pass 70 characters, and search engines shorten them themselves.
    "long-title": "off",
  },
});

const canRun = requireChromium("public portal accessibility and HTML validity");

interface Checked {
  name: string;
  url: string;
}

function describeViolations(
  page: string,
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown; failureSummary?: string }[];
  }[],
) {
  return violations
    .map(
      (v) =>
        `${page}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes
          .map((n) => `    at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\n/g, " ")}`)
          .join("\n")}`,
    )
    .join("\n");
}

function describeReport(page: string, report: Report) {
  return report.results
    .flatMap((r) => r.messages.map((m) => `${page}:${m.line}:${m.column} ${m.ruleId} — ${m.message}`))
    .join("\n");
}

describe.runIf(canRun)("public portal accessibility and HTML validity", () => {
  let t: TestPlatform;
  let portalApp: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestPlatform({ demo: true });
    const built = await buildPortalApp({
      db: t.platform.services.db,
      languages: LANGUAGES,
      publicUrl: undefined,
      cacheMs: 0,
      viewFlushMs: 60_000,
    });
    portalApp = built.app;
    base = await portalApp.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    // axe opens a helper page in the same context, which a `browser.newPage()` page does not allow.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await portalApp?.close();
    await t?.close();
  });

  /** Links of the home page's list whose kind label (in the meta line) is one of `labels`. */
  async function findLink(lang: PortalLanguage, labels: string[]): Promise<string> {
    await page.goto(`${base}/${lang}/`);
    const entries = await page.locator("ul.items > li").evaluateAll((lis) =>
      lis.map((li) => ({
        href: li.querySelector("h2 a, h3 a")?.getAttribute("href") ?? "",
        kind: (li.querySelector(".meta")?.textContent ?? "").split(" · ")[0]?.trim() ?? "",
      })),
    );
    const found = entries.find((e) => labels.includes(e.kind));
    expect(found, `${lang}: no ${labels.join("/")} on the home page`).toBeDefined();
    return found?.href ?? "";
  }

  async function pagesOf(lang: PortalLanguage): Promise<Checked[]> {
    const kinds = PORTAL_STRINGS[lang].kinds;
    const article = await findLink(lang, [kinds.article]);
    const product = await findLink(lang, [kinds.publication, kinds.video, kinds.infographic, kinds.album]);
    return [
      { name: "home", url: `/${lang}/` },
      { name: "article", url: article },
      { name: "product", url: product },
      { name: "search", url: `/${lang}/search?q=${encodeURIComponent(QUERIES[lang])}` },
      { name: "not found", url: `/${lang}/khong-co-trang-nay-404` },
    ];
  }

  it.each(LANGUAGES)(
    "%s: home, article, product, search and not-found pages pass axe and html-validate",
    async (lang) => {
      const problems: string[] = [];
      for (const checked of await pagesOf(lang)) {
        const label = `${checked.url} (${lang} ${checked.name})`;
        const response = await page.goto(`${base}${checked.url}`);
        expect(response?.status(), label).toBe(checked.name === "not found" ? 404 : 200);
        if (checked.name === "search") {
          // The query must have found something, so that the list of results is checked too.
          expect(await page.locator("ul.items > li").count(), label).toBeGreaterThan(0);
        }
        const axe = await new AxeBuilder({ page }).analyze();
        // Serious and critical ones, and a skipped heading level (moderate for axe, but it breaks
        // navigation by headings, which screen-reader users rely on in long result lists).
        const grave = axe.violations.filter(
          (v) => v.impact === "serious" || v.impact === "critical" || v.id === "heading-order",
        );
        if (grave.length) problems.push(describeViolations(label, grave));
        const source = (await response?.text()) ?? "";
        const report = await validator.validateString(source, label);
        if (!report.valid) problems.push(describeReport(label, report));
      }
      expect(problems.join("\n"), "accessibility or HTML problems").toBe("");
    },
    120_000,
  );
});
