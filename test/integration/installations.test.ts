/**
 * The visual installations register: billboards, LED screens and panels with their district of Hải
 * Phòng and coordinates (bad ones refused with clear codes), photos resized to 320 and 1280 px with
 * the EXIF block (camera, GPS) gone from what is stored, non-images and image bombs refused before
 * decoding, accent-insensitive search, export, the report sentence, audit.
 */
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installationsKind } from "../../src/modules/installations/installations.kind.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";
import { phonePhoto, pngBomb } from "../support/images.js";

interface PhotoDto {
  id: string;
  width: number;
  height: number;
  smallPath: string;
  largePath: string;
}

describe.each(dialects())("visual installations on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let member: Client;
  let panoId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
  });
  afterAll(async () => t?.close());

  it("registers installations and refuses a district outside Hải Phòng or impossible coordinates", async () => {
    const pano = await admin.request("POST", "/api/installations", {
      title: "Pano chào mừng 70 năm giải phóng Hải Phòng",
      kind: "billboard",
      address: "Nút giao Nguyễn Bỉnh Khiêm – Lê Hồng Phong",
      district: "hai_an",
      latitude: 20.8406,
      longitude: 106.7172,
      widthM: 12,
      heightM: 6,
      themes: ["Kỷ niệm 70 năm giải phóng Hải Phòng"],
      status: "installed",
      installedOn: "2025-04-20",
    });
    expect(pano.status, pano.text).toBe(201);
    panoId = (pano.body as { id: string }).id;
    const led = await admin.request("POST", "/api/installations", {
      title: "Màn hình LED cửa ngõ sân bay Cát Bi",
      kind: "led_screen",
      address: "Đường Lê Hồng Phong",
      district: "ngo_quyen",
      status: "installed",
      installedOn: "2025-05-02",
    });
    expect(led.status, led.text).toBe(201);
    const proposed = await admin.request("POST", "/api/installations", {
      title: "Bảng tin khu du lịch Đồ Sơn",
      kind: "panel",
      address: "Khu 2 Đồ Sơn",
      district: "do_son",
    });
    expect(proposed.status, proposed.text).toBe(201);

    const badDistrict = await admin.request("POST", "/api/installations", {
      title: "x",
      kind: "panel",
      address: "Hà Nội",
      district: "ba_dinh",
    });
    expect(badDistrict.body).toMatchObject({ error: { code: "installation_district_invalid" } });
    for (const coords of [
      { latitude: 95, longitude: 106 },
      { latitude: 20.8 },
      { latitude: 20.8, longitude: 200 },
    ]) {
      const res = await admin.request("POST", "/api/installations", {
        title: "x",
        kind: "panel",
        address: "y",
        district: "le_chan",
        ...coords,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "installation_coordinates_invalid" } });
    }
    const list = await member.request("GET", "/api/installations?pageSize=50");
    expect((list.body as { total: number }).total).toBe(3);
  });

  it("stores a photo only as resized variants without EXIF or GPS", async () => {
    const original = await phonePhoto({ background: { r: 200, g: 30, b: 30 } });
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await admin.request("POST", `/api/installations/${panoId}/photos`, {
      filename: "IMG_2025.jpg",
      caption: "Pano tại nút giao",
      contentBase64: original.toString("base64"),
    });
    expect(res.status, res.text).toBe(201);
    const photo = res.body as PhotoDto;
    expect([photo.width, photo.height]).toEqual([1280, 960]);
    for (const [path, width] of [
      [photo.smallPath, 320],
      [photo.largePath, 1280],
    ] as const) {
      const got = await t.platform.app.inject({
        method: "GET",
        url: path,
        headers: { cookie: member.cookie },
      });
      expect(got.statusCode).toBe(200);
      expect(got.headers["content-type"]).toBe("image/jpeg");
      const meta = await sharp(got.rawPayload).metadata();
      expect(meta.width).toBe(width);
      expect(meta.exif).toBeUndefined();
      expect(got.rawPayload.includes(Buffer.from("PhoneMaker"))).toBe(false);
    }
    // What is on disk is what was served: the original bytes were never stored.
    const stored = await t.platform.database.db
      .selectFrom("stored_files")
      .select(["sha256", "size"])
      .execute();
    expect(stored.some((f) => f.size === original.length)).toBe(false);
  });

  it("refuses a file that is not an image, and an image bomb before decoding it", async () => {
    const pdf = await admin.request("POST", `/api/installations/${panoId}/photos`, {
      filename: "anh.jpg",
      contentBase64: Buffer.from("%PDF-1.4 not an image").toString("base64"),
    });
    expect(pdf.status).toBe(400);
    expect(pdf.body).toMatchObject({ error: { code: "photo_not_an_image" } });
    const bomb = pngBomb(60_000, "grey");
    expect(bomb.length).toBeLessThan(2000);
    const started = Date.now();
    const res = await admin.request("POST", `/api/installations/${panoId}/photos`, {
      filename: "bomb.png",
      contentBase64: bomb.toString("base64"),
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "photo_too_many_pixels" } });
    expect(Date.now() - started).toBeLessThan(5000);
    const detail = await member.request("GET", `/api/installations/${panoId}`);
    expect((detail.body as { photos: unknown[] }).photos).toHaveLength(1);
  });

  it("searches without accents, filters, exports and counts for the report", async () => {
    const found = await member.request("GET", "/api/installations?q=cua ngo san bay");
    expect((found.body as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([
      "Màn hình LED cửa ngõ sân bay Cát Bi",
    ]);
    const installed = await member.request("GET", "/api/installations?status=installed&district=hai_an");
    expect((installed.body as { total: number }).total).toBe(1);
    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: "/api/installations/export?format=xlsx",
      headers: { cookie: member.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(4);
    const figures = await installationsKind.figures(t.platform.database.db, {
      from: "2025-01-01",
      to: "2099-12-31",
    });
    expect(figures.sentences[0]).toMatch(
      /^Trong kỳ, lắp đặt 2 pano, màn hình LED tại 2 quận, huyện; 1 công trình đang đề xuất\.$/,
    );
    expect(figures.sheet.rows).toHaveLength(3);
    // The proposal entered today falls outside the first half of 2025.
    const half = await installationsKind.figures(t.platform.database.db, {
      from: "2025-01-01",
      to: "2025-06-30",
    });
    expect(half.sentences).toEqual(["Trong kỳ, lắp đặt 2 pano, màn hình LED tại 2 quận, huyện."]);
  });

  it("lets members read but not write, and audits every change", async () => {
    const denied = await member.request("PATCH", `/api/installations/${panoId}`, { status: "approved" });
    expect(denied.status).toBe(403);
    const upd = await admin.request("PATCH", `/api/installations/${panoId}`, {
      themes: ["Năm Du lịch quốc gia 2025"],
    });
    expect(upd.status, upd.text).toBe(200);
    const audit = await admin.request("GET", `/api/audit?entityType=installation&entityId=${panoId}`);
    expect((audit.body as { items: { action: string }[] }).items.map((e) => e.action).sort()).toEqual([
      "add_photo",
      "create",
      "update",
    ]);
  });

  it("imports a sheet only when every row is right, with a per-row report otherwise", async () => {
    const sheet = async (rows: (string | number | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Công trình");
      ws.addRow([
        "Tên công trình",
        "Loại",
        "Địa chỉ",
        "Quận, huyện",
        "Vĩ độ",
        "Kinh độ",
        "Kích thước",
        "Chủ đề",
      ]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    };
    const before = (await member.request("GET", "/api/installations")).body as { total: number };
    const bad = await admin.request("POST", "/api/installations/import", {
      filename: "cong-trinh.xlsx",
      contentBase64: await sheet([
        [
          "Pano Kiến An",
          "Pano",
          "Đường Trần Thành Ngọ",
          "Kiến An",
          20.81,
          106.63,
          "12 × 6 m",
          "Chào năm mới; Du lịch",
        ],
        ["Pano Hà Nội", "Pano", "Ba Đình", "Ba Đình", null, null, null, null],
        [
          "Màn hình LED Tiên Lãng",
          "Màn hình LED",
          "Thị trấn Tiên Lãng",
          "Huyện Tiên Lãng",
          95,
          106.5,
          null,
          null,
        ],
      ]),
    });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "import_rows_invalid" } });
    const paths = (bad.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(["row 3 / Quận, huyện", "row 4"]);
    expect(((await member.request("GET", "/api/installations")).body as { total: number }).total).toBe(
      before.total,
    );

    const good = await admin.request("POST", "/api/installations/import", {
      filename: "cong-trinh.xlsx",
      contentBase64: await sheet([
        [
          "Pano Kiến An",
          "Pano",
          "Đường Trần Thành Ngọ",
          "Kiến An",
          20.81,
          106.63,
          "12 × 6 m",
          "Chào năm mới; Du lịch",
        ],
      ]),
    });
    expect(good.body).toEqual({ imported: 1 });
    const found = await member.request("GET", "/api/installations?q=pano kien an");
    expect((found.body as { items: unknown[] }).items[0]).toMatchObject({
      district: "kien_an",
      widthM: 12,
      heightM: 6,
      themes: ["Chào năm mới", "Du lịch"],
    });
  });
});
