/**
 * The portal's work queues and preview as translators and reviewers meet them: the translator's queue
 * lists texts waiting for a translation with the outdated ones first; the reviewer's queue lists texts in
 * review that the reviewer did not write; the preview shows a language before publication through the
 * public site's templates, under a "not published" banner, with scripts forbidden and no indexing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalItem } from "../../src/shared/api/portal.js";
import type { PortalQueue } from "../../src/shared/api/portal-queue.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";

const doc = (...paragraphs: string[]) => ({
  type: "doc" as const,
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

describe.each(dialects())("portal queues and preview on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let translator: Client;
  let reviewer: Client;

  async function createArticle(title: string) {
    const res = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      source: { title, summary: `${title} — tóm tắt`, body: doc(`${title}: nội dung.`) },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as PortalItem;
  }

  async function translate(client: Client, id: string, lang: string, title: string, body = "Body.") {
    const res = await client.request("PUT", `/api/portal/items/${id}/localizations/${lang}`, {
      title,
      summary: "",
      body: doc(body),
    });
    expect(res.status, res.text).toBe(200);
  }

  const queue = async (client: Client, query: string) => {
    const res = await client.request("GET", `/api/portal/queue?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body as PortalQueue;
  };

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    translator = (await buildSignedInUser(t.platform, admin, { roles: ["translator"] })).client;
    reviewer = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
  });
  afterAll(async () => t?.close());

  it("lists texts to translate per language, outdated translations first, and not finished ones", async () => {
    const fresh = await createArticle("Lễ hội hoa phượng đỏ");
    const changed = await createArticle("Cảng Lạch Huyện mở rộng");
    const done = await createArticle("Vịnh Lan Hạ mùa thu");
    await translate(translator, changed.id, "en", "Lach Huyen port expands");
    await translate(translator, done.id, "en", "Lan Ha Bay in autumn");
    for (const to of ["review"])
      expect(
        (await translator.request("POST", `/api/portal/items/${done.id}/localizations/en/transition`, { to }))
          .status,
      ).toBe(200);
    // The source of an already translated item moves on: its English text is now outdated.
    const edit = await admin.request("PUT", `/api/portal/items/${changed.id}/localizations/vi`, {
      title: "Cảng Lạch Huyện mở rộng thêm hai bến",
      summary: "",
      body: doc("Nội dung mới."),
    });
    expect(edit.status, edit.text).toBe(200);

    const en = await queue(translator, "kind=translate&lang=en");
    expect(en.languages).toEqual(["en"]);
    const ids = en.items.map((e) => e.itemId);
    // Outdated first, then the untranslated text; the one in review is not waiting for a translator.
    expect(ids[0]).toBe(changed.id);
    expect(en.items[0]).toMatchObject({
      isOutdated: true,
      state: "translating",
      translationSourceRevision: 1,
    });
    expect(en.items[0]?.sourceRevision).toBe(2);
    expect(en.items.find((e) => e.itemId === fresh.id)).toMatchObject({ state: "missing", title: null });
    expect(ids).not.toContain(done.id);

    // Without a language: every target language, never Vietnamese.
    const all = await queue(translator, "kind=translate");
    expect(all.languages).not.toContain("vi");
    expect(all.items.some((e) => e.lang === "fr" && e.itemId === done.id)).toBe(true);
    expect(all.items[0]?.isOutdated).toBe(true);
  });

  it("lists texts in review for everyone but their writer", async () => {
    const item = await createArticle("Đoàn doanh nghiệp Hàn Quốc thăm Hải Phòng");
    await translate(translator, item.id, "ko", "한국 기업 대표단 하이퐁 방문");
    const submit = await translator.request(
      "POST",
      `/api/portal/items/${item.id}/localizations/ko/transition`,
      {
        to: "review",
      },
    );
    expect(submit.status, submit.text).toBe(200);

    const forReviewer = await queue(reviewer, "kind=review");
    expect(forReviewer.items.find((e) => e.itemId === item.id && e.lang === "ko")).toMatchObject({
      state: "review",
      title: "한국 기업 대표단 하이퐁 방문",
    });
    const forWriter = await queue(translator, "kind=review");
    expect(forWriter.items.some((e) => e.itemId === item.id)).toBe(false);

    // The reviewer approves from the queue; it leaves the queue.
    const approve = await reviewer.request(
      "POST",
      `/api/portal/items/${item.id}/localizations/ko/transition`,
      {
        to: "approved",
      },
    );
    expect(approve.status, approve.text).toBe(200);
    expect((await queue(reviewer, "kind=review")).items.some((e) => e.itemId === item.id)).toBe(false);
  });

  it("refuses a bad queue kind and an unknown language with stable codes", async () => {
    expect((await translator.request("GET", "/api/portal/queue?kind=publish")).status).toBe(400);
    expect((await translator.request("GET", "/api/portal/queue?kind=translate&lang=xx")).status).toBe(400);
    expect((await rawRequest(t.platform.app, "GET", "/api/portal/queue?kind=review")).status).toBe(401);
  });

  it("previews a draft translation with the public templates, a banner, no script and no indexing", async () => {
    const item = await createArticle("Hội chợ thương mại Việt – Pháp");
    await translate(
      translator,
      item.id,
      "fr",
      "Foire commerciale franco-vietnamienne",
      "Ouverture <script>alert(1)</script> le 5 mai.",
    );
    const res = await rawRequest(t.platform.app, "GET", `/api/portal/items/${item.id}/preview/fr`, {
      headers: { cookie: translator.cookie },
    });
    expect(res.status, res.text).toBe(200);
    expect(String(res.headers["content-type"])).toMatch(/^text\/html/);
    expect(String(res.headers["content-security-policy"])).toContain("script-src 'none'");
    expect(res.headers["x-robots-tag"]).toMatch(/noindex/);
    expect(res.text).toContain("Bản xem trước — chưa đăng");
    expect(res.text).toContain('<html lang="fr"');
    expect(res.text).toContain("<h1>Foire commerciale franco-vietnamienne</h1>");
    // The text typed as a script is shown as text, never as an element.
    expect(res.text).not.toContain("<script>alert");
    expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");

    // A language with no text yet: 404 with the portal's code; no session: 401.
    const missing = await translator.request("GET", `/api/portal/items/${item.id}/preview/ja`);
    expect(missing.status).toBe(404);
    expect((missing.body as { error: { code: string } }).error.code).toBe("portal_localization_not_found");
    expect((await rawRequest(t.platform.app, "GET", `/api/portal/items/${item.id}/preview/fr`)).status).toBe(
      401,
    );
  });
});
