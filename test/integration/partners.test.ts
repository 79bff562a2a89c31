/**
 * The partners register as the secretariat uses it: partners found by accent-free search, agreements whose
 * expiry precedes their signing refused, renewal reminders sent once to the secretariat, the history of
 * information exchanged both ways with attachments, XLSX import all-or-nothing with a per-row report,
 * exports, the report's figures, agreements recorded from a delegation; members read but do not edit;
 * every change audited.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnersKind } from "../../src/modules/partners/partners.kind.js";
import { recordAgreement } from "../../src/modules/partners/partners.service.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser, countRows } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface PartnerDto {
  id: string;
  nameVi: string;
  agreements: number;
  exchanges: number;
  agreementList: { id: string; title: string; state: string }[];
  exchangeList: { id: string; direction: string; subject: string; file: { name: string } | null }[];
}

async function workbook(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đối tác");
  ws.addRow([
    "Loại / Kind",
    "Quốc gia / Country",
    "Tên tiếng Việt / Vietnamese name",
    "Tên nguyên gốc / Original name",
    "Thiết lập quan hệ / Since",
    "Mô tả / Description",
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

describe.each(dialects())("partners register on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let member: Client;
  let secretariat: Client;
  let kitakyushuId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    secretariat = (await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] })).client;
  });
  afterAll(async () => t?.close());

  it("keeps a sister city that members find without accents but cannot edit", async () => {
    const created = await secretariat.request("POST", "/api/partners", {
      kind: "sister_city",
      country: "Nhật Bản",
      nameVi: "Thành phố Kitakyushu",
      nameOriginal: "北九州市",
      sinceDate: "2014-04-15",
      description: "Thành phố hữu nghị và hợp tác",
    });
    expect(created.status, created.text).toBe(201);
    kitakyushuId = (created.body as PartnerDto).id;

    const found = await member.request("GET", "/api/partners?q=thanh%20pho%20KITAKYUSHU");
    expect(found.status, found.text).toBe(200);
    expect((found.body as { items: PartnerDto[] }).items.map((p) => p.nameVi)).toEqual([
      "Thành phố Kitakyushu",
    ]);
    const byKind = await member.request("GET", "/api/partners?kind=partner_media");
    expect((byKind.body as { total: number }).total).toBe(0);

    const refused = await member.request("PATCH", `/api/partners/${kitakyushuId}`, { nameVi: "Khác" });
    expect(refused.status).toBe(403);
  });

  it("refuses an agreement that expires before it is signed, and stores nothing", async () => {
    const before = await countRows(t.platform, ["partner_agreements"]);
    const res = await secretariat.request(
      "POST",
      `/api/partners/${kitakyushuId}/agreements`,
      { title: "Bản ghi nhớ hợp tác", signedOn: "2025-06-01", expiresOn: "2025-05-31" },
      { "accept-language": "en" },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: "agreement_expires_before_signing",
        message: "The agreement cannot expire before it is signed",
      },
    });
    const vi = await secretariat.request("POST", `/api/partners/${kitakyushuId}/agreements`, {
      title: "Bản ghi nhớ hợp tác",
      signedOn: "2025-06-01",
      expiresOn: "2025-05-31",
    });
    expect((vi.body as { error: { message: string } }).error.message).toBe(
      "Ngày hết hạn của thỏa thuận không được trước ngày ký",
    );
    expect(await countRows(t.platform, ["partner_agreements"])).toEqual(before);
  });

  it("reminds the secretariat once of an agreement close to its expiry", async () => {
    const res = await secretariat.request("POST", `/api/partners/${kitakyushuId}/agreements`, {
      title: "Thỏa thuận hợp tác giai đoạn 2023–2026",
      signedOn: "2023-03-20",
      expiresOn: "2026-03-20",
    });
    expect(res.status, res.text).toBe(201);
    const first = await t.platform.services.partnerReminders.scan({ asOf: "2026-01-05" });
    expect(first).toMatchObject({ agreements: 1 });
    expect(first.notifications).toBeGreaterThanOrEqual(1);
    const again = await t.platform.services.partnerReminders.scan({ asOf: "2026-01-06" });
    expect(again).toMatchObject({ agreements: 0, notifications: 0 });

    const inbox = await secretariat.request("GET", "/api/notifications");
    const titles = (inbox.body as { items: { title: string }[] }).items.map((n) => n.title);
    expect(titles).toContain(
      "Thỏa thuận sắp hết hạn: Thỏa thuận hợp tác giai đoạn 2023–2026 – Thành phố Kitakyushu (Nhật Bản), hết hạn 20/3/2026",
    );
    const memberInbox = await member.request("GET", "/api/notifications");
    expect((memberInbox.body as { items: unknown[] }).items).toHaveLength(0);
  });

  it("keeps the history of information exchanged both ways, with an attachment to download", async () => {
    const sent = await secretariat.request("POST", `/api/partners/${kitakyushuId}/exchanges`, {
      exchangedOn: "2025-04-10",
      direction: "outgoing",
      subject: "Gửi ấn phẩm giới thiệu Hải Phòng (tiếng Nhật)",
      channel: "email",
      file: {
        filename: "an-pham.txt",
        contentBase64: Buffer.from("Hải Phòng – thành phố Hoa phượng đỏ").toString("base64"),
      },
    });
    expect(sent.status, sent.text).toBe(201);
    const received = await secretariat.request("POST", `/api/partners/${kitakyushuId}/exchanges`, {
      exchangedOn: "2025-05-02",
      direction: "incoming",
      subject: "Thư mời dự Lễ hội Wasshoi",
      channel: "letter",
    });
    const partner = received.body as PartnerDto;
    expect(partner.exchanges).toBe(2);
    expect(partner.exchangeList.map((x) => [x.direction, x.subject])).toEqual([
      ["incoming", "Thư mời dự Lễ hội Wasshoi"],
      ["outgoing", "Gửi ấn phẩm giới thiệu Hải Phòng (tiếng Nhật)"],
    ]);
    const withFile = partner.exchangeList.find((x) => x.file);
    const file = await member.request("GET", `/api/partners/${kitakyushuId}/exchanges/${withFile?.id}/file`);
    expect(file.status).toBe(200);
    expect(file.text).toBe("Hải Phòng – thành phố Hoa phượng đỏ");

    const audit = await admin.request("GET", `/api/audit?entityType=partner_exchange`);
    expect((audit.body as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
  });

  it("imports from XLSX all or nothing, with a report of each bad row", async () => {
    const before = await countRows(t.platform, ["partners"]);
    const bad = await secretariat.request("POST", "/api/partners/import", {
      filename: "doi-tac.xlsx",
      contentBase64: await workbook([
        ["Tổ chức quốc tế", "Hàn Quốc", "Quỹ Giao lưu Quốc tế Hàn Quốc", "Korea Foundation", null, null],
        ["Loại không có", "Pháp", "Tỉnh Seine-Maritime", null, null, null],
        ["Cơ quan báo chí đối tác", "", "Báo Nhân dân Trung Quốc", null, "2024-13-40", null],
      ]),
    });
    expect(bad.status).toBe(400);
    const body = bad.body as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("import_rows_invalid");
    expect(body.error.details.map((d) => d.path)).toEqual([
      "row 3 / Loại / Kind",
      "row 4 / Quốc gia / Country",
      "row 4 / Thiết lập quan hệ / Since",
    ]);
    expect(await countRows(t.platform, ["partners"])).toEqual(before);

    const good = await secretariat.request("POST", "/api/partners/import", {
      filename: "doi-tac.xlsx",
      contentBase64: await workbook([
        ["To chuc quoc te", "Hàn Quốc", "Quỹ Giao lưu Quốc tế Hàn Quốc", "Korea Foundation", null, null],
        [
          "Hội người Hải Phòng ở nước ngoài",
          "Cộng hòa Séc",
          "Hội người Hải Phòng tại Séc",
          null,
          "2010-09-02",
          null,
        ],
      ]),
    });
    expect(good.status, good.text).toBe(200);
    expect(good.body).toEqual({ imported: 2 });
    const list = await member.request("GET", "/api/partners?kind=overseas_association");
    expect((list.body as { items: PartnerDto[] }).items.map((p) => p.nameVi)).toEqual([
      "Hội người Hải Phòng tại Séc",
    ]);

    const csv = await member.request("GET", "/api/partners/export?format=csv&q=han%20quoc");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Quỹ Giao lưu Quốc tế Hàn Quốc");
    expect(csv.text).not.toContain("Kitakyushu");
  });

  it("records an agreement signed during a delegation once, creating the partner when it is new", async () => {
    const db = t.platform.services.db;
    const input = {
      country: "Hàn Quốc",
      partnerName: "Thành phố Incheon",
      title: "Bản ghi nhớ hợp tác về du lịch",
      signedOn: "2025-06-10",
      expiresOn: "2030-06-10",
      delegationId: null,
    };
    const first = await db.transaction().execute((trx) => recordAgreement(trx, input));
    const second = await db.transaction().execute((trx) => recordAgreement(trx, input));
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ ...first, isNew: false });
    await expect(
      db.transaction().execute((trx) => recordAgreement(trx, { ...input, expiresOn: "2024-01-01" })),
    ).rejects.toMatchObject({ code: "agreement_expires_before_signing" });
  });

  it("states the period's figures for the report", async () => {
    const figures = await partnersKind.figures(t.platform.services.db, {
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(figures.sentences).toEqual([
      "Trong kỳ, ký kết 1 thỏa thuận hợp tác; 1 thỏa thuận sắp hết hạn (đến ngày 31/3/2026); trao đổi 2 lượt thông tin với đối tác (gửi đi 1, nhận về 1).",
    ]);
    expect(figures.sheet.rows).toHaveLength(4);
    const summaries = await partnersKind.summaries(t.platform.services.db, [kitakyushuId, "missing"]);
    expect([...summaries.values()]).toEqual([
      {
        id: kitakyushuId,
        title: "Thành phố Kitakyushu (Nhật Bản)",
        date: "2014-04-15",
        path: `/partners/${kitakyushuId}`,
      },
    ]);
  });
});
