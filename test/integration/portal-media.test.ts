/**
 * The portal's media library as editors and visitors meet it: a phone photo with EXIF and a GPS position
 * goes in, responsive WebP and JPEG variants come out with no metadata and the orientation applied; an
 * image bomb and a text file named .jpg are refused before decoding, with nothing stored; a PDF gets its
 * page count and a cover; publication is refused while an image lacks alt text in that language (the
 * error names it); the public site serves the files only once an item using them is published, with
 * long immutable caching, and the article's <img> carries srcset, sizes, width and height.
 */
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStore } from "../../src/platform/files/file-store.js";
import { buildPortalApp } from "../../src/portal/portal-app.js";
import type { PortalItem } from "../../src/shared/api/portal.js";
import type { PortalMedia, PortalMediaPage } from "../../src/shared/api/portal-media.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";
import { phonePhoto, pngBomb } from "../support/images.js";

/** A valid two-page PDF written by hand (cross-reference offsets computed). */
function tinyPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
    "<< /Length 60 >>\nstream\n0.2 0.4 0.7 rg 20 20 260 360 re f BT /F1 24 Tf 40 300 Td (Hai Phong) Tj ET\nendstream",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const b64 = (b: Buffer) => b.toString("base64");

describe.each(dialects())("portal media library on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let editor: Client;
  let reader: Client;
  let portalApp: FastifyInstance;
  let photo: PortalMedia;

  const visit = (url: string, headers: Record<string, string> = {}) =>
    portalApp.inject({ method: "GET", url, headers });
  const mediaCount = async () =>
    Number(
      (
        await t.platform.services.db
          .selectFrom("portal_media")
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function transition(id: string, lang: string, to: string, who: Client = admin) {
    return who.request("POST", `/api/portal/items/${id}/localizations/${lang}/transition`, { to });
  }
  async function approve(id: string, lang: string) {
    expect((await transition(id, lang, "review")).status).toBe(200);
    const approved = await transition(id, lang, "approved", editor);
    expect(approved.status, approved.text).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    reader = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    const built = await buildPortalApp({
      db: t.platform.services.db,
      languages: ["vi", "en", "zh", "ja", "ko", "fr", "ru"],
      publicUrl: "https://portal.test",
      cacheMs: 0,
      viewFlushMs: 60_000,
      mediaStore: createFileStore({ dataDir: t.config.dataDir }),
    });
    portalApp = built.app;
  });
  afterAll(async () => {
    await portalApp?.close();
    await t?.close();
  });

  it("turns a phone photo into WebP and JPEG variants without EXIF or GPS, orientation applied", async () => {
    const original = await phonePhoto({ background: { r: 30, g: 90, b: 160 }, orientation: 6 });
    const meta = await sharp(original).metadata();
    expect(meta.exif).toBeDefined();
    expect(meta.orientation).toBe(6);
    const res = await editor.request("POST", "/api/portal/media", {
      filename: "IMG_0042.jpg",
      contentBase64: b64(original),
      alt: { vi: "Cảng Lạch Huyện nhìn từ trên cao" },
      credit: "Ảnh: Cổng TTĐN Hải Phòng",
    });
    expect(res.status, res.text).toBe(201);
    photo = res.body as PortalMedia;
    // Shown upright: the sideways 2000×1500 picture is 1500 wide and 2000 high.
    expect(photo).toMatchObject({ kind: "image", mediaType: "image/jpeg", width: 1500, height: 2000 });
    const widths = (format: string) => photo.variants.filter((v) => v.format === format).map((v) => v.width);
    // 480, 960 and the original 1500 (never enlarged to 1600), each in WebP and JPEG.
    expect(widths("webp")).toEqual([480, 960, 1500]);
    expect(widths("jpeg")).toEqual([480, 960, 1500]);
    for (const v of photo.variants) {
      expect(v.url).toMatch(/^\/media\/[0-9a-f-]{36}\/[0-9a-f]{16}-\d+\.(webp|jpg)$/);
      const got = await reader.request(
        "GET",
        `/api/portal/media/${photo.id}/files/${v.url.split("/").at(-1)}`,
      );
      expect(got.status).toBe(200);
    }
    // What is stored is metadata-free: read every file straight from the store.
    const store = createFileStore({ dataDir: t.config.dataDir });
    const rows = await t.platform.services.db
      .selectFrom("portal_media_files as f")
      .innerJoin("stored_files as s", "s.id", "f.file_id")
      .select(["f.format", "f.width", "s.storage_path", "s.size"])
      .where("f.media_id", "=", photo.id)
      .execute();
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const bytes = await store.read(row.storage_path);
      const m = await sharp(bytes).metadata();
      expect(m.format).toBe(row.format === "webp" ? "webp" : "jpeg");
      expect(m.width).toBe(row.width);
      expect(m.exif).toBeUndefined();
      expect(m.orientation).toBeUndefined();
      expect(m.height).toBeGreaterThan(m.width ?? 0);
      expect(bytes.includes(Buffer.from("PhoneMaker"))).toBe(false);
    }
    expect(rows.some((r) => r.size === original.length)).toBe(false);
  });

  it("refuses an image bomb and a text file named .jpg before decoding, storing nothing", async () => {
    const before = await mediaCount();
    const bomb = pngBomb(100_000, "truecolour");
    expect(bomb.length).toBeLessThan(2000);
    const started = Date.now();
    const res = await editor.request("POST", "/api/portal/media", {
      filename: "poster.png",
      contentBase64: b64(bomb),
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "portal_media_too_many_pixels" } });
    expect(Date.now() - started).toBeLessThan(5000);

    const text = await editor.request("POST", "/api/portal/media", {
      filename: "anh-dep.jpg",
      contentBase64: b64(Buffer.from("Đây không phải là ảnh, chỉ là văn bản.\n")),
    });
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({ error: { code: "portal_media_not_an_image" } });
    const inEnglish = await editor.request(
      "POST",
      "/api/portal/media",
      { filename: "photo.jpeg", contentBase64: b64(Buffer.from("plain text")) },
      { "accept-language": "en" },
    );
    expect((inEnglish.body as { error: { message: string } }).error.message).toMatch(/image name/);

    const fakePdf = await editor.request("POST", "/api/portal/media", {
      filename: "an-pham.pdf",
      contentBase64: b64(
        await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
          .png()
          .toBuffer(),
      ),
    });
    expect(fakePdf.body).toMatchObject({ error: { code: "portal_media_not_a_pdf" } });
    const member = await reader.request("POST", "/api/portal/media", {
      filename: "a.jpg",
      contentBase64: b64(await phonePhoto({ background: { r: 30, g: 90, b: 160 }, orientation: 6 })),
    });
    expect(member.status).toBe(403);
    expect(await mediaCount()).toBe(before);
  });

  it("stores a PDF with its page count and a cover made from page 1", async () => {
    const res = await editor.request("POST", "/api/portal/media", {
      filename: "Hai-Phong-dau-tu-2026.pdf",
      contentBase64: b64(tinyPdf()),
      alt: { vi: "Bìa ấn phẩm Hải Phòng – điểm đến đầu tư" },
    });
    expect(res.status, res.text).toBe(201);
    const pdf = res.body as PortalMedia;
    expect(pdf).toMatchObject({ kind: "pdf", mediaType: "application/pdf", pageCount: 2 });
    expect(pdf.publicFile).toMatch(/\.pdf$/);
    // The cover keeps the page's 3:4 shape and is mostly the blue rectangle drawn on page 1.
    expect(pdf.width).toBe(1600);
    expect(Math.abs((pdf.height ?? 0) - 2133)).toBeLessThanOrEqual(1);
    const cover = pdf.variants.find((v) => v.format === "jpeg" && v.width === 480);
    expect(cover).toBeDefined();
    const got = await t.platform.app.inject({
      method: "GET",
      url: `/api/portal/media/${pdf.id}/files/${cover?.url.split("/").at(-1)}`,
      headers: { cookie: reader.cookie },
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/jpeg");
    const { dominant } = await sharp(got.rawPayload).stats();
    expect(dominant.b).toBeGreaterThan(dominant.r);

    const list = await reader.request("GET", "/api/portal/media?q=dau tu&kind=pdf");
    expect((list.body as PortalMediaPage).items.map((m) => m.id)).toEqual([pdf.id]);
  });

  it("refuses publication while an image lacks alt text in that language, and names the language", async () => {
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Cảng nước sâu Lạch Huyện." }] },
        { type: "image", attrs: { mediaId: photo.id, src: photo.publicSrc, alt: "" } },
      ],
    };
    const created = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      source: { title: "Cảng nước sâu Lạch Huyện", summary: "Tóm tắt", body },
    });
    expect(created.status, created.text).toBe(201);
    const item = created.body as PortalItem;
    const en = await admin.request("PUT", `/api/portal/items/${item.id}/localizations/en`, {
      title: "Lach Huyen deep-water port",
      summary: "Summary",
      body,
    });
    expect(en.status, en.text).toBe(200);

    // Not public before publication.
    const file = photo.variants[0]?.url ?? "";
    expect((await visit(file)).statusCode).toBe(404);

    await approve(item.id, "vi");
    expect((await transition(item.id, "vi", "published")).status).toBe(200);
    await approve(item.id, "en");
    const refused = await admin.request(
      "POST",
      `/api/portal/items/${item.id}/localizations/en/transition`,
      { to: "published" },
      { "accept-language": "en" },
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: "portal_media_alt_required" } });
    expect((refused.body as { error: { message: string } }).error.message).toContain("English (en)");
    expect((refused.body as { error: { message: string } }).error.message).toContain("IMG_0042.jpg");
    const inVietnamese = await admin.request(
      "POST",
      `/api/portal/items/${item.id}/localizations/en/transition`,
      {
        to: "published",
      },
    );
    expect((inVietnamese.body as { error: { message: string } }).error.message).toContain("tiếng Anh");

    // Removing Vietnamese alt text of an image used by a published Vietnamese text is refused too.
    const clear = await editor.request("PATCH", `/api/portal/media/${photo.id}`, { alt: { vi: "" } });
    expect(clear.body).toMatchObject({ error: { code: "portal_media_alt_required" } });

    const alt = await editor.request("PATCH", `/api/portal/media/${photo.id}`, {
      alt: { en: "Lach Huyen port from above" },
      credit: "Photo: Hai Phong portal",
    });
    expect(alt.status, alt.text).toBe(200);
    expect((await transition(item.id, "en", "published")).status).toBe(200);

    const page = await visit("/en/lach-huyen-deep-water-port");
    expect(page.statusCode).toBe(200);
    const img = /<img [^>]*>/.exec(page.body)?.[0] ?? "";
    expect(img).toContain('alt="Lach Huyen port from above"');
    expect(img).toMatch(/srcset="\/media\/[^"]+-480\.jpg 480w, [^"]+-960\.jpg 960w, [^"]+-1500\.jpg 1500w"/);
    expect(img).toContain('sizes="');
    expect(img).toContain('width="1500" height="2000"');
    expect(page.body).toMatch(/<source type="image\/webp" srcset="\/media\/[^"]+\.webp 480w/);

    // Used by an item: cannot be deleted.
    const del = await editor.request("DELETE", `/api/portal/media/${photo.id}`);
    expect(del.status).toBe(409);
    expect(del.body).toMatchObject({ error: { code: "portal_media_in_use" } });
    const got = (await reader.request("GET", `/api/portal/media/${photo.id}`)).body as PortalMedia;
    expect(got.usage).toEqual([
      { itemId: item.id, title: "Cảng nước sâu Lạch Huyện", publishedLanguages: ["en", "vi"] },
    ]);
  });

  it("keeps srcset and sizes on the public page after a published text is corrected", async () => {
    const item = (
      await t.platform.services.db
        .selectFrom("portal_localizations")
        .select("item_id")
        .where("slug", "=", "lach-huyen-deep-water-port")
        .executeTakeFirstOrThrow()
    ).item_id;
    const corrected = await admin.request("PUT", `/api/portal/items/${item}/localizations/en`, {
      title: "Lach Huyen deep-water port (corrected)",
      summary: "Summary",
      body: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Lach Huyen deep-water port, corrected." }] },
          { type: "image", attrs: { mediaId: photo.id, src: photo.publicSrc, alt: "" } },
        ],
      },
    });
    expect(corrected.status, corrected.text).toBe(200);
    const page = await visit("/en/lach-huyen-deep-water-port");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Lach Huyen deep-water port, corrected.");
    const img = /<img [^>]*>/.exec(page.body)?.[0] ?? "";
    expect(img).toContain('alt="Lach Huyen port from above"');
    expect(img).toMatch(/srcset="\/media\/[^"]+-480\.jpg 480w, [^"]+-960\.jpg 960w, [^"]+-1500\.jpg 1500w"/);
    expect(img).toContain('sizes="');
    expect(img).toContain('width="1500" height="2000"');
    expect(page.body).toMatch(/<source type="image\/webp" srcset="\/media\/[^"]+\.webp 480w/);
    // The files it shows are public (the page does not point at something that answers 404).
    expect((await visit(/src="([^"]+)"/.exec(img)?.[1] ?? "")).statusCode).toBe(200);
  });

  it("serves files publicly only while an item using them is published, cached as immutable", async () => {
    for (const v of photo.variants) {
      const res = await visit(v.url);
      expect(res.statusCode, v.url).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.headers["content-type"]).toBe(v.format === "webp" ? "image/webp" : "image/jpeg");
      expect((await sharp(res.rawPayload).metadata()).exif).toBeUndefined();
    }
    const again = await visit(photo.variants[0]?.url ?? "", {
      "if-none-match": `"${photo.variants[0]?.url.split("/").at(-1)}"`,
    });
    expect(again.statusCode).toBe(304);
    // The PDF is used by no published item: not served; a made-up name of a public item neither.
    const list = (await reader.request("GET", "/api/portal/media?kind=pdf")).body as PortalMediaPage;
    const pdf = list.items[0];
    expect((await visit(pdf?.publicFile ?? "")).statusCode).toBe(404);
    expect((await visit(`/media/${photo.id}/0123456789abcdef-480.jpg`)).statusCode).toBe(404);
    expect((await visit(`/media/${photo.id}/..%2F..%2Fetc%2Fpasswd`)).statusCode).toBe(404);

    // Withdrawn everywhere → gone from the public site.
    const items = await t.platform.services.db.selectFrom("portal_items").select("id").execute();
    for (const { id } of items) for (const lang of ["vi", "en"]) await transition(id, lang, "approved");
    expect((await visit(photo.variants[0]?.url ?? "")).statusCode).toBe(404);

    // Used by nothing: deletable; every change is audited.
    const del = await editor.request("DELETE", `/api/portal/media/${pdf?.id}`);
    expect(del.status, del.text).toBe(204);
    const audit = await t.platform.services.db
      .selectFrom("audit_log")
      .select(["action"])
      .where("entity_type", "=", "portal_media")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "create", "delete", "update"]);
  });
});
