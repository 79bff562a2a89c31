/**
 * Browser-test harness: the real server (fresh database with demo data) serving the built web app,
 * and Debian's Chromium driven by playwright-core — never a downloaded browser. Collects console
 * errors so that a suite can assert there was no CSP violation or script error.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { describe, it } from "vitest";
import { startTestServer } from "./app.js";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WEB_DIR = path.join(ROOT, "dist", "web");
export const SHOTS = path.join(ROOT, "test-results");

/**
 * What every browser test's page asks of the app: less motion (the app then opens menus, dialogs and
 * drop-downs without animation, as for a user who set it in the system). A click or a read during an
 * animation was the cause of most lost steps on a loaded CI machine.
 */
export const BROWSER_PAGE = { reducedMotion: "reduce" } as const;

/**
 * Without Chromium: under CI=true registers a failing test (no suite may be skipped there); otherwise
 * prints one line saying how to enable the suite. Returns whether the suite can run.
 */
export function requireChromium(suite: string): boolean {
  if (hasChromium) return true;
  if (process.env.CI === "true") {
    describe(suite, () => {
      it("needs Chromium", () => {
        throw new Error(
          `${CHROMIUM} is missing: install it with \`apt-get install chromium\` (required when CI=true)`,
        );
      });
    });
  } else {
    console.warn(`${suite} skipped: ${CHROMIUM} not found — \`apt-get install chromium\` enables it`);
  }
  return false;
}

export interface BrowserSession {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  consoleErrors: string[];
  /** Screenshot to `test-results/<name>.png` once loading masks and fade-ins are over. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowserSession(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  if (!existsSync(path.join(WEB_DIR, "index.html"))) {
    const { build } = await import("vite");
    await build({ configFile: path.join(ROOT, "vite.config.ts"), logLevel: "warn" });
  }
  mkdirSync(SHOTS, { recursive: true });
  const server = await startTestServer({ webDir: WEB_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    ...BROWSER_PAGE,
  });
  // A step that never completes fails on its own, naming what it waited for (a locator, a download), before
  // the test's 30 s limit ends the test with no word of which step it was.
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return {
    server,
    browser,
    page,
    consoleErrors,
    async shot(name) {
      await page.locator(".ant-spin-spinning").first().waitFor({ state: "detached" });
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Chooses `label` in an Ant Design select, as a user does: opens it, picks the option in the open
 * drop-down, and checks the select now shows it. The option gets its click event directly: on a loaded
 * machine the drop-down's opening animation kept it "not stable" (or under the field below) for longer
 * than a click waits, and a click during it could be lost. Tries again (at most three times) if the
 * select does not show the choice.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  const root = select.locator(
    "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  const option = page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: label })
    .first();
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) await select.click();
    await option.waitFor();
    await option.dispatchEvent("click");
    for (let wait = 0; wait < 20; wait++) {
      // biome-ignore lint/performance/useDomNodeTextContent: what the select shows, not its hidden text
      if ((await root.innerText()).includes(label)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`the select does not show "${label}" after three choices`);
  }
}

/**
 * Follows a link of the main menu as a user does: opens its group (`group`, the group's title) when the
 * link is folded away, clicks the link, and waits for the address to become the link's. On a loaded
 * machine a click can land while the group is still unfolding or the menu re-renders between press and
 * release, and nothing happens; the click is then tried again (at most three times) instead of the test
 * waiting for a page that was never asked for.
 */
export async function followMenuLink(page: Page, name: string, group?: string): Promise<void> {
  const menu = page.getByRole("navigation").first();
  const link = menu.getByRole("link", { name, exact: true });
  for (let attempt = 1; ; attempt++) {
    if (group && !(await link.isVisible())) await menu.getByRole("menuitem", { name: group }).click();
    const href = await link.getAttribute("href");
    if (!href) throw new Error(`the menu link "${name}" has no address`);
    const target = new URL(href, page.url()).pathname;
    await link.click();
    try {
      await page.waitForURL((url) => url.pathname === target, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
