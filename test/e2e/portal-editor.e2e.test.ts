/**
 * Browser test of the portal's translation workflow in the web app: a translator opens the translator's
 * queue, translates a new article in the side-by-side editor (Vietnamese source on the left, English on
 * the right, TipTap body) and submits it for review; a reviewer finds it in the reviewer's queue and
 * approves it; the preview shows the English text under the "not published" banner. The writer of a
 * text sees the server's refusal, in Vietnamese, when they try to approve their own words.
 * Screenshots land in `test-results/portal-editor-*.png`.
 */
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalItem } from "../../src/shared/api/portal.js";
import {
  BROWSER_PAGE,
  type BrowserSession,
  chooseOption,
  openBrowserSession,
  requireChromium,
  SHOTS,
} from "../support/browser.js";

const canRun = requireChromium("portal editor in a browser");

const SOURCE_TITLE = "Hải Phòng đón đoàn doanh nghiệp châu Âu tìm hiểu cảng biển";
const EN_TITLE = "Hai Phong welcomes European businesses to its seaports";
const EN_BODY = "A delegation of thirty European companies visited Lach Huyen port this week.";
const PASSWORD = "Mat-khau-2024-ok";

describe.runIf(canRun)("portal editor in a browser", () => {
  let session: BrowserSession;
  let url: string;
  let itemId: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const people = {
    translator: `bien-dich-${process.pid}@haiphong.gov.vn`,
    reviewer: `tham-dinh-${process.pid}@haiphong.gov.vn`,
  };

  /** Screenshot of one person's page once loading masks are gone. */
  async function shot(page: Page, name: string) {
    await page.locator(".ant-spin-spinning").first().waitFor({ state: "detached" });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  async function signInAs(email: string): Promise<Page> {
    const context = await session.browser.newContext({
      viewport: { width: 1400, height: 900 },
      ...BROWSER_PAGE,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error")
        errors.push(
          `${m.text()} @ ${m.location().url}:${m.location().lineNumber}:${m.location().columnNumber}`,
        );
    });
    page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
    await page.goto(`${url}/`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();
    return page;
  }

  beforeAll(async () => {
    session = await openBrowserSession();
    url = session.server.url;
    const request = session.page.request;
    const login = await request.post(`${url}/api/auth/login`, {
      data: { email: session.server.adminEmail, password: session.server.adminPassword },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { "x-csrf-token": csrfToken };
    for (const [role, email] of [
      ["translator", people.translator],
      ["editor", people.reviewer],
    ] as const) {
      const created = await request.post(`${url}/api/users`, {
        data: { email, displayName: `Cán bộ ${role}`, roles: [role], password: PASSWORD },
        headers,
      });
      expect(created.status(), await created.text()).toBe(201);
    }
    // The editorial office writes the Vietnamese source.
    const item = await request.post(`${url}/api/portal/items`, {
      data: {
        kind: "article",
        source: {
          title: SOURCE_TITLE,
          summary: "Ba mươi doanh nghiệp châu Âu tìm hiểu cơ hội đầu tư vào cảng Lạch Huyện.",
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  {
                    type: "text",
                    text: "Đoàn ba mươi doanh nghiệp châu Âu thăm cảng Lạch Huyện trong tuần.",
                  },
                ],
              },
            ],
          },
        },
      },
      headers,
    });
    expect(item.status(), await item.text()).toBe(201);
    itemId = ((await item.json()) as PortalItem).id;
    await request.post(`${url}/api/auth/logout`, { headers });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await session?.close();
  });

  it("lets a translator translate from the queue in the side-by-side editor and submit for review", async () => {
    const page = await signInAs(people.translator);
    await page.goto(`${url}/portal/queue`);
    await page.getByRole("heading", { name: "Việc dịch, thẩm định", level: 1 }).waitFor();
    await chooseOption(page, page.getByRole("combobox", { name: "Ngôn ngữ" }), "Tiếng Anh");
    await page.waitForURL(/[?&]lang=en\b/);
    // Until the filtered list arrives the article has one row per language; wait for the English one alone.
    const row = page.locator("tr", { hasText: SOURCE_TITLE });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByText("Chưa có bản dịch").waitFor();
    await shot(page, "portal-editor-01-queue");
    await row.getByRole("link", { name: /Mở để dịch/ }).click();

    // Side by side: the Vietnamese source on the left, the English form on the right.
    await page.getByRole("heading", { name: `Biên tập, dịch: ${SOURCE_TITLE}`, level: 1 }).waitFor();
    await expect(page.getByTestId("source-title").textContent()).resolves.toBe(SOURCE_TITLE);
    await page.getByLabel("Tiêu đề", { exact: true }).fill(EN_TITLE);
    const body = page.getByRole("textbox", { name: "Nội dung bản Tiếng Anh" });
    await body.click();
    await page.keyboard.type(EN_BODY);
    await page.getByRole("button", { name: "Đậm" }).click();
    // TipTap gives the focus back to the text on the next frame: typing earlier would press the button.
    await page.waitForFunction("document.activeElement?.getAttribute('role') === 'textbox'");
    await page.keyboard.type(" Bold words.");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu", { exact: true }).waitFor();
    await shot(page, "portal-editor-02-translated");
    await page.getByRole("button", { name: "Gửi thẩm định" }).click();
    await page.getByText("Đã gửi thẩm định").waitFor();

    // The server stored what the editor shows, in the renderer's shape.
    const saved = await page.request.get(`${url}/api/portal/items/${itemId}`);
    const en = ((await saved.json()) as PortalItem).localizations.find((l) => l.lang === "en");
    expect(en).toMatchObject({ title: EN_TITLE, state: "review" });
    expect(en?.body).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: EN_BODY },
            { type: "text", text: " Bold words.", marks: [{ type: "bold" }] },
          ],
        },
      ],
    });
    // No approve button for a translator; the text has left the translator's queue.
    await expect(page.getByRole("button", { name: "Phê duyệt" }).count()).resolves.toBe(0);
    expect(errors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  });

  it("lets a reviewer approve from the reviewer's queue, and refuses the writer's own approval in Vietnamese", async () => {
    const page = await signInAs(people.reviewer);
    await page.goto(`${url}/portal/queue?kind=review`);
    const row = page.locator("tr", { hasText: SOURCE_TITLE });
    await row.getByText(EN_TITLE).waitFor();
    await shot(page, "portal-editor-03-review-queue");
    await row.getByRole("link", { name: /Mở để thẩm định/ }).click();
    await page.getByLabel("Tiêu đề", { exact: true }).waitFor();
    await expect(page.getByLabel("Tiêu đề", { exact: true }).inputValue()).resolves.toBe(EN_TITLE);

    // The reviewer corrects a word: the text is now theirs, and they may not approve it themselves.
    await page
      .getByLabel("Tóm tắt", { exact: true })
      .fill("Thirty European companies studied investing in Lach Huyen port.");
    await page.getByRole("button", { name: "Phê duyệt" }).click();
    await page.getByText("Không thể tự thẩm định, phê duyệt bản dịch của chính mình").waitFor();
    await shot(page, "portal-editor-04-own-text-refused");
  });

  it("approves a translator's text and previews it before publication", async () => {
    // The translator's text again (restored as a new revision by the translator), then approved by the reviewer.
    const translator = contexts[0]?.pages()[0];
    if (!translator) throw new Error("no translator page");
    const csrf = (
      (await (await translator.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string }
    ).csrfToken;
    const revisions = await translator.request.get(
      `${url}/api/portal/items/${itemId}/localizations/en/revisions`,
    );
    const first = ((await revisions.json()) as { items: { revision: number }[] }).items.at(-1);
    const restored = await translator.request.post(
      `${url}/api/portal/items/${itemId}/localizations/en/revisions/${first?.revision}/restore`,
      { headers: { "x-csrf-token": csrf }, data: {} },
    );
    expect(restored.status(), await restored.text()).toBe(200);

    const page = contexts[1]?.pages()[0] as Page;
    await page.goto(`${url}/portal/items/${itemId}?lang=en`);
    await page.getByRole("button", { name: "Phê duyệt" }).click();
    await page.getByText("Đã phê duyệt").waitFor();
    await page.getByRole("tab", { name: "Xem trước" }).click();
    const preview = page.frameLocator('iframe[title="Bản xem trước — Tiếng Anh"]');
    await preview.getByText("Bản xem trước — chưa đăng").first().waitFor();
    await preview.getByRole("heading", { name: EN_TITLE, level: 1 }).waitFor();
    await preview.getByText(EN_BODY).waitFor();
    await shot(page, "portal-editor-05-preview");
    // The session probe before sign-in answers 401, the refused approval 403; nothing else may fail.
    expect(errors.filter((text) => !/status of (401|403)/.test(text))).toEqual([]);
  });

  it("highlights what changed in the source since the translation was made", async () => {
    const reviewer = contexts[1]?.pages()[0] as Page;
    const csrf = ((await (await reviewer.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string })
      .csrfToken;
    const edited = await reviewer.request.put(`${url}/api/portal/items/${itemId}/localizations/vi`, {
      headers: { "x-csrf-token": csrf },
      data: {
        title: `${SOURCE_TITLE} Lạch Huyện`,
        summary: "Ba mươi doanh nghiệp châu Âu tìm hiểu cơ hội đầu tư vào cảng Lạch Huyện.",
        body: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "Đoàn ba mươi doanh nghiệp châu Âu thăm cảng Lạch Huyện trong tuần." },
              ],
            },
          ],
        },
      },
    });
    expect(edited.status(), await edited.text()).toBe(200);

    const page = contexts[0]?.pages()[0] as Page;
    await page.goto(`${url}/portal/items/${itemId}?lang=en`);
    await page.getByText("Bản gốc đã thay đổi từ phiên bản 1").waitFor();
    const inserted = page.getByTestId("source-title").locator("ins");
    await inserted.waitFor();
    await expect(inserted.textContent()).resolves.toContain("Lạch Huyện");
    await shot(page, "portal-editor-06-outdated");
    expect(errors.filter((text) => !/status of (401|403)/.test(text))).toEqual([]);
  });

  it("shows every language's state in the content list and keeps the glossary", async () => {
    const page = contexts[1]?.pages()[0] as Page;
    await page.goto(`${url}/portal`);
    const row = page.locator("tr", { hasText: SOURCE_TITLE });
    await row.locator(".ant-table-row-expand-icon").click();
    await page.getByRole("link", { name: "Tiếng Anh: Đã duyệt · Bản gốc đã thay đổi" }).waitFor();
    await page.getByRole("link", { name: "Tiếng Pháp: Chưa có bản dịch" }).waitFor();
    await shot(page, "portal-editor-07-list");
    page.setDefaultTimeout(8_000);

    await page.goto(`${url}/portal/glossary`);
    await page.getByRole("heading", { name: "Bảng thuật ngữ dịch", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Thêm thuật ngữ" }).click();
    const dialog = page.locator(".ant-modal:visible");
    await chooseOption(page, dialog.getByLabel("Ngôn ngữ"), "Tiếng Anh");
    await dialog.getByLabel("Thuật ngữ tiếng Việt").fill("cảng cửa ngõ quốc tế Hải Phòng");
    await dialog.getByLabel("Cách dịch chuẩn").fill("Hai Phong International Gateway Port");
    await dialog.getByLabel(/Cách dịch không được dùng/).fill("Hai Phong gate harbour");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await page.getByText("Đã lưu thuật ngữ").waitFor();
    const term = page.locator("tr", { hasText: "cảng cửa ngõ quốc tế Hải Phòng" });
    await term.getByText("Hai Phong gate harbour").waitFor();
    await shot(page, "portal-editor-08-glossary");
    await term.getByRole("button", { name: "Xoá: cảng cửa ngõ quốc tế Hải Phòng" }).click();
    await page
      .locator(".ant-popover:visible")
      .getByRole("button", { name: /OK|Đồng ý|Có/ })
      .click();
    await page.getByText("Đã xoá thuật ngữ").waitFor();
    // The list reloads after the message: wait for the row to go rather than count at once.
    await term.waitFor({ state: "detached" });
    expect(errors.filter((text) => !/status of (401|403)/.test(text))).toEqual([]);
  });
  it("shows each segment's glossary terms and inserts a memory suggestion with one click", async () => {
    // The reviewer (an editor) adds a term the source's body uses.
    const reviewer = contexts[1]?.pages()[0] as Page;
    const csrf = ((await (await reviewer.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string })
      .csrfToken;
    const term = await reviewer.request.post(`${url}/api/portal/glossary`, {
      headers: { "x-csrf-token": csrf },
      data: { lang: "en", source: "cảng Lạch Huyện", target: "Lach Huyen Port", variants: ["Lach Huyen"] },
    });
    expect(term.status(), await term.text()).toBe(201);

    // The translator starts the English text again from scratch…
    const page = contexts[0]?.pages()[0] as Page;
    await page.goto(`${url}/portal/items/${itemId}?lang=en`);
    await page.getByLabel("Tiêu đề", { exact: true }).fill("Tiêu đề tạm");
    const body = page.getByRole("textbox", { name: "Nội dung bản Tiếng Anh" });
    await body.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Bản nháp");
    await expect(body.textContent()).resolves.toBe("Bản nháp");

    // …and sees, beside the body's sentence, the approved term it uses and the earlier approved translation.
    const bodyAid = page.getByTestId("aid-body/0");
    await bodyAid.getByText("Lach Huyen Port", { exact: true }).waitFor();
    await expect(
      bodyAid.getByRole("list", { name: "Thuật ngữ chuẩn trong đoạn" }).textContent(),
    ).resolves.toContain("cảng Lạch Huyện → Lach Huyen Port");
    await bodyAid.getByText("100%").waitFor();
    await shot(page, "portal-editor-09-memory-and-terms");

    // One click puts the remembered translation into the body, another into the title.
    await bodyAid
      .getByRole("button", { name: /^Chèn bản dịch .* vào Nội dung$/ })
      .first()
      .click();
    await expect(body.textContent()).resolves.toBe(`${EN_BODY} Bold words.`);
    await page
      .getByTestId("aid-title")
      .getByRole("button", { name: /^Chèn bản dịch .* vào Tiêu đề$/ })
      .first()
      .click();
    await expect(page.getByLabel("Tiêu đề", { exact: true }).inputValue()).resolves.toBe(EN_TITLE);
    await shot(page, "portal-editor-10-inserted");

    // What was inserted is what gets saved.
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Đã lưu", { exact: true }).waitFor();
    const saved = await page.request.get(`${url}/api/portal/items/${itemId}`);
    const en = ((await saved.json()) as PortalItem).localizations.find((l) => l.lang === "en");
    expect(en?.title).toBe(EN_TITLE);
    expect(en?.body).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: `${EN_BODY} Bold words.` }] }],
    });
    expect(errors.filter((text) => !/status of (401|403)/.test(text))).toEqual([]);
  });
  it("edits the category, tags and the schedule in Viet Nam's time, refusing a withdrawal before publication", async () => {
    const page = contexts[1]?.pages()[0] as Page;
    page.setDefaultTimeout(20_000);
    const csrf = ((await (await page.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string })
      .csrfToken;
    const category = await page.request.post(`${url}/api/portal/categories`, {
      headers: { "x-csrf-token": csrf },
      data: { key: "dau-tu", names: { vi: "Đầu tư", en: "Investment" } },
    });
    expect(category.status(), await category.text()).toBe(201);
    const categoryId = ((await category.json()) as { id: string }).id;

    await page.goto(`${url}/portal/items/${itemId}?lang=en`);
    await page.getByText("Thông tin chung và lịch đăng").waitFor();
    await chooseOption(page, page.getByLabel("Chuyên mục", { exact: true }), "Đầu tư");
    const tags = page.getByLabel("Thẻ", { exact: true });
    await tags.click();
    await page.keyboard.type("Lạch Huyện");
    await page.keyboard.press("Enter");
    await page.keyboard.type("doanh nghiệp châu Âu");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Lưu chuyên mục, thẻ" }).click();
    await page.getByText("Đã lưu chuyên mục và thẻ").waitFor();

    // Times are typed in Viet Nam's time; a withdrawal before the publication is refused on the spot.
    await page.getByText("Giờ Việt Nam (Asia/Ho_Chi_Minh, UTC+7)").waitFor();
    await page.getByLabel("Đăng lúc").fill("2027-01-10T08:00");
    await page.getByLabel("Gỡ lúc").fill("2027-01-09T08:00");
    await page.getByRole("alert").filter({ hasText: "Thời điểm gỡ phải sau thời điểm đăng" }).waitFor();
    await expect(page.getByRole("button", { name: "Lưu lịch đăng" }).isDisabled()).resolves.toBe(true);
    await page.getByLabel("Gỡ lúc").fill("2027-02-10T17:30");
    await page.getByRole("button", { name: "Lưu lịch đăng" }).click();
    await page.getByText("Đã lưu lịch đăng").waitFor();
    await page.getByText(/sẽ đăng lúc 10\/01\/2027 08:00 · sẽ gỡ lúc 10\/02\/2027 17:30/).waitFor();
    await shot(page, "portal-editor-11-settings");

    // Stored as instants (08:00 in Hai Phong is 01:00 UTC).
    const saved = (await (await page.request.get(`${url}/api/portal/items/${itemId}`)).json()) as PortalItem;
    expect(saved.categoryId).toBe(categoryId);
    expect(saved.tags).toEqual(["Lạch Huyện", "doanh nghiệp châu Âu"]);
    const en = saved.localizations.find((l) => l.lang === "en");
    expect(en?.publishAt && new Date(en.publishAt).toISOString()).toBe("2027-01-10T01:00:00.000Z");
    expect(en?.unpublishAt && new Date(en.unpublishAt).toISOString()).toBe("2027-02-10T10:30:00.000Z");
    // After a reload the form shows the saved times in Viet Nam's time again.
    await page.reload();
    await expect(page.getByLabel("Đăng lúc").inputValue()).resolves.toBe("2027-01-10T08:00");
    await expect(page.getByLabel("Gỡ lúc").inputValue()).resolves.toBe("2027-02-10T17:30");
    expect(errors.filter((text) => !/status of (401|403)/.test(text))).toEqual([]);
  });
});
