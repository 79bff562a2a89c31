/**
 * The translator's day with the portal: glossary kept by the editor, an XLIFF file exported for a CAT
 * tool and brought back (saved as a new revision of the translation, refused whole when it is for an
 * older revision or its formatting is broken), the glossary check of the result, and the translation
 * memory offering the approved sentences for the next article.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const p = (...content: unknown[]) => ({ type: "paragraph", content });
const txt = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks && { marks }) });
const doc = (...content: unknown[]) => ({ type: "doc", content });

interface Checks {
  outdated: boolean;
  warningCount: number;
  units: { unitId: string; target: string | null; warnings: { kind: string; expected: string }[] }[];
}

describe.each(dialects())("portal translation on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let translator: Client;
  let editor: Client;
  let itemId: string;

  const xliffOf = async (id: string, lang: string) => {
    const res = await t.platform.app.inject({
      method: "GET",
      url: `/api/portal/xliff?lang=${lang}&ids=${id}`,
      headers: { cookie: translator.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("application/xliff+xml");
    return res.body;
  };
  /** What a translator's tool sends back: each source unit with its target. */
  const translate = (xml: string, targets: Record<string, string>) =>
    Object.entries(targets).reduce(
      (out, [id, target]) =>
        out.replace(new RegExp(`(<unit id="${id}"[^>]*>.*?</source>)`), `$1<target>${target}</target>`),
      xml,
    );

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    translator = (await buildSignedInUser(t.platform, admin, { roles: ["translator"] })).client;
    editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    const res = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      topics: ["tourism"],
      source: {
        title: "Ban Chỉ đạo Công tác thông tin đối ngoại họp phiên đầu năm",
        summary: "Hải Phòng là thành phố cảng lớn nhất miền Bắc.",
        body: doc(
          p(
            txt("Ban Chỉ đạo Công tác thông tin đối ngoại thành phố đã họp tại "),
            txt("Nhà hát lớn", [{ type: "bold" }]),
            txt("."),
          ),
          p(txt("Hải Phòng là thành phố cảng lớn nhất miền Bắc.")),
        ),
      },
    });
    expect(res.status, res.text).toBe(201);
    itemId = (res.body as { id: string }).id;
  });
  afterAll(async () => t?.close());

  it("keeps a glossary per language: editors add terms, duplicates are refused, translators read", async () => {
    const created = await editor.request("POST", "/api/portal/glossary", {
      lang: "en",
      source: "Ban Chỉ đạo Công tác thông tin đối ngoại",
      target: "Steering Committee for External Information Work",
      forbidden: ["Foreign Propaganda Committee"],
    });
    expect(created.status, created.text).toBe(201);
    const again = await editor.request("POST", "/api/portal/glossary", {
      lang: "en",
      source: "ban chỉ đạo công tác  thông tin đối ngoại",
      target: "Other",
    });
    expect(again.status).toBe(409);
    expect(
      (await translator.request("POST", "/api/portal/glossary", { lang: "en", source: "x", target: "y" }))
        .status,
    ).toBe(403);
    const list = await translator.request("GET", "/api/portal/glossary?lang=en");
    expect((list.body as { items: { target: string }[] }).items.map((i) => i.target)).toEqual([
      "Steering Committee for External Information Work",
    ]);
  });

  it("brings a CAT tool's XLIFF back as the translation, and checks it against the glossary", async () => {
    const xml = await xliffOf(itemId, "en");
    expect(xml).toContain('srcLang="vi"');
    expect(xml).toContain('trgLang="en"');
    const done = translate(xml, {
      title: "The external information steering board holds its first meeting of the year",
      summary: "Hai Phong is the largest port city in the North.",
      "body/0": 'The city\'s board met at the <pc id="1">Opera House</pc>.',
      "body/1": "Hai Phong is the largest port city in the North.",
    });
    const res = await translator.request("POST", `/api/portal/items/${itemId}/localizations/en/xliff`, {
      xliff: done,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ items: [expect.objectContaining({ itemId, lang: "en", units: 4 })] });

    const checks = (await translator.request("GET", `/api/portal/items/${itemId}/localizations/en/checks`))
      .body as Checks;
    expect(checks.outdated).toBe(false);
    expect(checks.warningCount).toBe(2);
    expect(checks.units.find((u) => u.unitId === "body/0")?.warnings).toEqual([
      expect.objectContaining({
        kind: "missing",
        expected: "Steering Committee for External Information Work",
      }),
    ]);
    expect(checks.units.find((u) => u.unitId === "body/0")?.target).toBe(
      "The city's board met at the Opera House.",
    );
  });

  it("refuses a file for an older revision or with broken formatting, saving nothing", async () => {
    const old = await xliffOf(itemId, "en");
    const edited = await admin.request("PUT", `/api/portal/items/${itemId}/localizations/vi`, {
      title: "Ban Chỉ đạo Công tác thông tin đối ngoại họp phiên đầu năm 2025",
      summary: "Hải Phòng là thành phố cảng lớn nhất miền Bắc.",
      body: doc(
        p(
          txt("Ban Chỉ đạo Công tác thông tin đối ngoại thành phố đã họp tại "),
          txt("Nhà hát lớn", [{ type: "bold" }]),
          txt("."),
        ),
        p(txt("Hải Phòng là thành phố cảng lớn nhất miền Bắc.")),
      ),
    });
    expect(edited.status, edited.text).toBe(200);
    const stale = await translator.request("POST", `/api/portal/items/${itemId}/localizations/en/xliff`, {
      xliff: translate(old, { title: "x", summary: "y", "body/0": '<pc id="1">z</pc>', "body/1": "w" }),
    });
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { code: string } }).error.code).toBe("xliff_wrong_revision");

    const fresh = await xliffOf(itemId, "en");
    // The up-to-date translation is not in the file (the source moved on), so the tool sends all units.
    const broken = await translator.request("POST", `/api/portal/items/${itemId}/localizations/en/xliff`, {
      xliff: translate(fresh, { title: "T", summary: "S", "body/0": "No formatting left.", "body/1": "P" }),
    });
    expect(broken.status).toBe(400);
    const error = (broken.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("xliff_broken_placeholder");
    expect(error.message).toContain("body/0");
    const checks = (await translator.request("GET", `/api/portal/items/${itemId}/localizations/en/checks`))
      .body as Checks;
    expect(checks.outdated).toBe(true);
    expect(checks.units.find((u) => u.unitId === "title")?.target).toBe(
      "The external information steering board holds its first meeting of the year",
    );
  });

  it("offers approved translations of the same and similar sentences for the next article", async () => {
    for (const [who, to] of [
      [admin, "review"],
      [editor, "approved"],
    ] as const) {
      const res = await who.request("POST", `/api/portal/items/${itemId}/localizations/en/transition`, {
        to,
      });
      expect(res.status, res.text).toBe(200);
    }
    const next = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      topics: ["tourism"],
      source: {
        title: "Du lịch Cát Bà",
        summary: "Hải Phòng là thành phố cảng lớn nhất miền Bắc.",
        body: doc(p(txt("Hải Phòng là thành phố cảng lớn nhất miền Trung."))),
      },
    });
    const nextId = (next.body as { id: string }).id;
    const res = await translator.request("GET", `/api/portal/items/${nextId}/localizations/en/suggestions`);
    expect(res.status, res.text).toBe(200);
    const units = (
      res.body as {
        units: { unitId: string; matches: { score: number; targetText: string; added: string[] }[] }[];
      }
    ).units;
    expect(units.find((u) => u.unitId === "summary")?.matches[0]).toMatchObject({
      score: 100,
      targetText: "Hai Phong is the largest port city in the North.",
    });
    expect(units.find((u) => u.unitId === "body/0")?.matches[0]).toMatchObject({
      score: 90,
      added: ["trung"],
    });
    expect(units.find((u) => u.unitId === "title")?.matches).toEqual([]);
  });
});
