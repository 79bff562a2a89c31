/**
 * Translators work only in the languages an administrator assigned them (ngôn ngữ được phân công):
 * the assignment is kept on the account, shown in "me", and every way of writing a translation —
 * saving, moving it through the workflow, XLIFF import and export — answers 403
 * `language_not_assigned` outside it. Editors and the secretariat are never restricted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalItem } from "../../src/shared/api/portal.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser, buildUser } from "../support/factories.js";
import type { Client } from "../support/http.js";
import { signIn } from "../support/http.js";

const doc = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const codeOf = (body: unknown) => (body as { error: { code: string; message?: string } }).error.code;

describe.each(dialects())("portal language assignment on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let editor: Client;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    const res = await editor.request("POST", "/api/portal/items", {
      kind: "article",
      source: { title: "Lễ hội Hoa Phượng Đỏ", summary: "Tóm tắt", body: doc("Thành phố mở hội.") },
    });
    expect(res.status, res.text).toBe(201);
    itemId = (res.body as PortalItem).id;
  });
  afterAll(async () => t?.close());

  it("keeps the assigned languages on the account, shows them in 'me' and refuses unknown ones", async () => {
    const made = await buildUser(admin, { roles: ["translator"] });
    const set = await admin.request("PATCH", `/api/users/${made.id}`, {
      translationLanguages: ["zh", "en", "en"],
    });
    expect(set.status, set.text).toBe(200);
    expect((set.body as { translationLanguages: string[] }).translationLanguages).toEqual(["en", "zh"]);

    const me = await (await signIn(t.platform.app, made.email, made.password)).request("GET", "/api/auth/me");
    expect((me.body as { user: { translationLanguages: string[] } }).user.translationLanguages).toEqual([
      "en",
      "zh",
    ]);

    const unknown = await admin.request("PATCH", `/api/users/${made.id}`, { translationLanguages: ["de"] });
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown.body)).toBe("portal_language_not_enabled");

    // Only an administrator assigns languages.
    const byEditor = await editor.request("PATCH", `/api/users/${made.id}`, { translationLanguages: ["fr"] });
    expect(byEditor.status).toBe(403);
  });

  it("refuses saving, moving and XLIFF outside the translator's languages, in Vietnamese and English", async () => {
    const made = await buildUser(admin, { roles: ["translator"] });
    expect(
      (await admin.request("PATCH", `/api/users/${made.id}`, { translationLanguages: ["en"] })).status,
    ).toBe(200);
    const translator = await signIn(t.platform.app, made.email, made.password);
    const text = { title: "Red Flamboyant Festival", summary: "Summary", body: doc("The city celebrates.") };

    const en = await translator.request("PUT", `/api/portal/items/${itemId}/localizations/en`, text);
    expect(en.status, en.text).toBe(200);
    const submit = await translator.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/en/transition`,
      {
        to: "review",
      },
    );
    expect(submit.status, submit.text).toBe(200);

    const fr = await translator.request("PUT", `/api/portal/items/${itemId}/localizations/fr`, text);
    expect(fr.status).toBe(403);
    expect(codeOf(fr.body)).toBe("language_not_assigned");
    const frEn = await translator.request("PUT", `/api/portal/items/${itemId}/localizations/fr`, text, {
      "accept-language": "en",
    });
    expect((frEn.body as { error: { message: string } }).error.message).toMatch(/not assigned/);
    const frVi = await translator.request("PUT", `/api/portal/items/${itemId}/localizations/fr`, text, {
      "accept-language": "vi",
    });
    expect((frVi.body as { error: { message: string } }).error.message).toMatch(/phân công/);

    // The editor writes French; the translator may still not move it.
    expect((await editor.request("PUT", `/api/portal/items/${itemId}/localizations/fr`, text)).status).toBe(
      200,
    );
    const move = await translator.request("POST", `/api/portal/items/${itemId}/localizations/fr/transition`, {
      to: "review",
    });
    expect(move.status).toBe(403);
    expect(codeOf(move.body)).toBe("language_not_assigned");

    const exportFr = await t.platform.app.inject({
      method: "GET",
      url: `/api/portal/xliff?lang=fr&ids=${itemId}`,
      headers: { cookie: translator.cookie },
    });
    expect(exportFr.statusCode).toBe(403);
    expect(codeOf(exportFr.json())).toBe("language_not_assigned");
    const exportEn = await t.platform.app.inject({
      method: "GET",
      url: `/api/portal/xliff?lang=en&ids=${itemId}`,
      headers: { cookie: translator.cookie },
    });
    expect(exportEn.statusCode, exportEn.body).toBe(200);

    // An import into French is refused before the file is even read; nothing is saved.
    const frBefore = await editor.request("GET", `/api/portal/items/${itemId}`);
    const importFr = await translator.request("POST", "/api/portal/xliff?lang=fr", {
      xliff: exportEn.body.replace('trgLang="en"', 'trgLang="fr"'),
    });
    expect(importFr.status).toBe(403);
    expect(codeOf(importFr.body)).toBe("language_not_assigned");
    const importOne = await translator.request("POST", `/api/portal/items/${itemId}/localizations/fr/xliff`, {
      xliff: exportEn.body,
    });
    expect(importOne.status).toBe(403);
    const frAfter = await editor.request("GET", `/api/portal/items/${itemId}`);
    expect(frAfter.body).toEqual(frBefore.body);
  });

  it("restricts a reviewer only when languages are set, and never an editor", async () => {
    const leader = await buildUser(admin, { roles: ["leader"] });
    const reviewer = await signIn(t.platform.app, leader.email, leader.password);
    // The English text waits for review (previous test); French too, once the editor submits it.
    expect(
      (
        await editor.request("POST", `/api/portal/items/${itemId}/localizations/fr/transition`, {
          to: "review",
        })
      ).status,
    ).toBe(200);
    expect(
      (await admin.request("PATCH", `/api/users/${leader.id}`, { translationLanguages: ["en"] })).status,
    ).toBe(200);
    const reviewer2 = await signIn(t.platform.app, leader.email, leader.password);
    const frApprove = await reviewer2.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/fr/transition`,
      {
        to: "approved",
      },
    );
    expect(frApprove.status).toBe(403);
    expect(codeOf(frApprove.body)).toBe("language_not_assigned");
    // The change reached the reviewer's open session too (no stale cached actor).
    const stale = await reviewer.request("POST", `/api/portal/items/${itemId}/localizations/fr/transition`, {
      to: "approved",
    });
    expect(stale.status).toBe(403);
    const enApprove = await reviewer2.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/en/transition`,
      {
        to: "approved",
      },
    );
    expect(enApprove.status, enApprove.text).toBe(200);

    // Lifting the restriction (null) lets the reviewer approve French.
    expect(
      (await admin.request("PATCH", `/api/users/${leader.id}`, { translationLanguages: null })).status,
    ).toBe(200);
    const lifted = await reviewer2.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/fr/transition`,
      {
        to: "approved",
      },
    );
    expect(lifted.status, lifted.text).toBe(200);

    // An editor with an assignment recorded by mistake is still unrestricted.
    const ed = await buildUser(admin, { roles: ["editor"] });
    await admin.request("PATCH", `/api/users/${ed.id}`, { translationLanguages: ["zh"] });
    const edClient = await signIn(t.platform.app, ed.email, ed.password);
    const ru = await edClient.request("PUT", `/api/portal/items/${itemId}/localizations/ru`, {
      title: "Фестиваль",
      summary: "Кратко",
      body: doc("Город празднует."),
    });
    expect(ru.status, ru.text).toBe(200);
  });
});
