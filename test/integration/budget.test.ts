/**
 * The budget proposals register as the secretariat keeps it: amounts in whole đồng (a negative or
 * fractional amount refused with `amount_invalid`), statuses with approved and disbursed amounts,
 * totals by status and by linked task, documents, accent-insensitive search, exports, the report
 * sentence; committee members and leaders read, only the secretariat writes, accounts outside the
 * committee (viewer, portal roles) do not see it; every change audited.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetKind } from "../../src/modules/budget/budget.kind.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildProgramme, buildSignedInUser, buildTask } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface ItemDto {
  id: string;
  title: string;
  status: string;
  proposedAmount: number;
  approvedAmount: number | null;
  disbursedAmount: number | null;
}

describe.each(dialects())("budget proposals on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let leader: Client;
  let member: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    leader = (await buildSignedInUser(t.platform, admin, { roles: ["leader"] })).client;
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
  });
  afterAll(async () => t?.close());

  it("refuses a negative or fractional amount with amount_invalid in Vietnamese and English, storing nothing", async () => {
    for (const proposedAmount of [-1, 1500.5]) {
      const res = await admin.request("POST", "/api/budget-items", {
        title: "In ấn tài liệu",
        year: 2025,
        proposedAmount,
      });
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "amount_invalid" } });
      const en = await admin.request(
        "POST",
        "/api/budget-items",
        { title: "In ấn tài liệu", year: 2025, proposedAmount },
        { "accept-language": "en" },
      );
      expect((en.body as { error: { message: string } }).error.message).toMatch(/whole number of đồng/);
    }
    const list = await admin.request("GET", "/api/budget-items");
    expect((list.body as { total: number }).total).toBe(0);
  });

  it("keeps items with their statuses and amounts, and totals them by status and by task", async () => {
    const entries = [
      { title: "Sản xuất phim quảng bá Hải Phòng", proposedAmount: 500_000_000, status: "proposed" },
      {
        title: "Xuất bản ấn phẩm đối ngoại song ngữ",
        proposedAmount: 450_000_000,
        status: "approved",
        approvedAmount: 400_000_000,
      },
      {
        title: "Tổ chức hội nghị báo chí nước ngoài",
        proposedAmount: 300_000_000,
        status: "disbursed",
        approvedAmount: 300_000_000,
        disbursedAmount: 250_000_000,
      },
    ];
    for (const e of entries) {
      const created = await admin.request("POST", "/api/budget-items", {
        ...e,
        year: 2025,
        proposedOn: "2025-03-10",
      });
      expect(created.status, created.text).toBe(201);
      ids.push((created.body as ItemDto).id);
    }
    const programme = await buildProgramme(t.platform, {
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    const task = await buildTask(t.platform, programme.id, { ref: "11" });
    for (const id of ids.slice(0, 2)) {
      const link = await admin.request("POST", `/api/tasks/${task.id}/records`, {
        kind: "budget_item",
        recordId: id,
      });
      expect(link.status, link.text).toBe(201);
    }

    const totals = await leader.request("GET", "/api/budget-items/totals?year=2025");
    expect(totals.status, totals.text).toBe(200);
    expect(totals.body).toMatchObject({
      all: {
        count: 3,
        proposedAmount: 1_250_000_000,
        approvedAmount: 700_000_000,
        disbursedAmount: 250_000_000,
      },
      byStatus: [
        { status: "proposed", count: 1, proposedAmount: 500_000_000 },
        { status: "approved", count: 1, approvedAmount: 400_000_000 },
        { status: "disbursed", count: 1, disbursedAmount: 250_000_000 },
      ],
      byTask: [{ taskRef: "11", count: 2, proposedAmount: 950_000_000, approvedAmount: 400_000_000 }],
    });
  });

  it("refuses a status without its amounts and a disbursement over the approval", async () => {
    const approve = await admin.request("PATCH", `/api/budget-items/${ids[0]}`, { status: "approved" });
    expect(approve.body).toMatchObject({ error: { code: "budget_status_amount_missing" } });
    const over = await admin.request("PATCH", `/api/budget-items/${ids[1]}`, {
      status: "disbursed",
      disbursedAmount: 400_000_001,
    });
    expect(over.body).toMatchObject({ error: { code: "budget_amount_over_approved" } });
    const fraction = await admin.request("PATCH", `/api/budget-items/${ids[1]}`, { approvedAmount: 0.5 });
    expect(fraction.body).toMatchObject({ error: { code: "amount_invalid" } });
    const ok = await admin.request("PATCH", `/api/budget-items/${ids[1]}`, {
      status: "disbursed",
      disbursedAmount: 350_000_000,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: "disbursed", disbursedAmount: 350_000_000 });
  });

  it("finds items without accents and filters by status; members read, viewers do not see the register", async () => {
    const found = await leader.request("GET", "/api/budget-items?q=an pham doi ngoai");
    expect((found.body as { items: ItemDto[] }).items.map((i) => i.title)).toEqual([
      "Xuất bản ấn phẩm đối ngoại song ngữ",
    ]);
    const proposed = await leader.request("GET", "/api/budget-items?status=proposed");
    expect((proposed.body as { total: number }).total).toBe(1);
    const forMember = await member.request("GET", "/api/budget-items?status=proposed");
    expect(forMember.status, forMember.text).toBe(200);
    expect((forMember.body as { total: number }).total).toBe(1);
    const viewer = (await buildSignedInUser(t.platform, admin, { roles: ["viewer"] })).client;
    expect((await viewer.request("GET", "/api/budget-items")).status).toBe(403);
    expect(
      (await member.request("POST", "/api/budget-items", { title: "x", year: 2025, proposedAmount: 1 }))
        .status,
    ).toBe(403);
    const leaderWrite = await leader.request("POST", "/api/budget-items", {
      title: "x",
      year: 2025,
      proposedAmount: 1,
    });
    expect(leaderWrite.status).toBe(403);
  });

  it("attaches a document and gives it back under its name", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% Tờ trình kinh phí\n%%EOF\n");
    const added = await admin.request("POST", `/api/budget-items/${ids[0]}/documents`, {
      title: "Tờ trình số 12/TTr-BTG",
      filename: "to-trinh-12.pdf",
      contentBase64: pdf.toString("base64"),
    });
    expect(added.status, added.text).toBe(201);
    const doc = added.body as { id: string; mediaType: string };
    expect(doc.mediaType).toBe("application/pdf");
    const detail = await leader.request("GET", `/api/budget-items/${ids[0]}`);
    expect((detail.body as { documents: { title: string }[] }).documents.map((d) => d.title)).toEqual([
      "Tờ trình số 12/TTr-BTG",
    ]);
    const file = await leader.request("GET", `/api/budget-items/${ids[0]}/documents/${doc.id}/file`);
    expect(file.status).toBe(200);
    expect(file.text).toContain("%PDF-1.4");
  });

  it("exports the list to XLSX with amounts as numbers and to CSV", async () => {
    const res = await t.platform.app.inject({
      method: "GET",
      url: "/api/budget-items/export?format=xlsx&year=2025",
      headers: { cookie: leader.cookie },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.rowCount).toBe(4);
    const amounts = [2, 3, 4].map((r) => ws?.getRow(r).getCell(6).value);
    expect(amounts.sort()).toEqual([300_000_000, 450_000_000, 500_000_000].sort());
    const csv = await leader.request("GET", "/api/budget-items/export?format=csv");
    expect(csv.text).toContain("Xuất bản ấn phẩm đối ngoại song ngữ");
  });

  it("states the period's figures in the committee's words", async () => {
    const figures = await budgetKind.figures(t.platform.database.db, {
      from: "2025-01-01",
      to: "2025-06-30",
    });
    expect(figures.sentences).toEqual([
      "Đề xuất 3 khoản kinh phí, tổng 1.250.000.000 đ; đã duyệt 2 khoản, 700.000.000 đ; đã giải ngân 600.000.000 đ.",
    ]);
    expect(figures.sheet.rows).toHaveLength(3);
    const none = await budgetKind.figures(t.platform.database.db, { from: "2024-01-01", to: "2024-12-31" });
    expect(none.sentences).toEqual(["Trong kỳ, chưa có đề xuất kinh phí."]);
  });

  it("records every change in the audit journal and deletes an item with its links", async () => {
    const del = await admin.request("DELETE", `/api/budget-items/${ids[2]}`);
    expect(del.status).toBe(204);
    const audit = await admin.request("GET", "/api/audit?entityType=budget_item&pageSize=100");
    const actions = (audit.body as { items: { action: string }[] }).items.map((e) => e.action).sort();
    expect(actions).toEqual(["add_document", "create", "create", "create", "delete", "update"]);
  });

  it("imports a sheet only when every row is right, with a per-row report otherwise", async () => {
    const sheet = async (rows: (string | number | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Kinh phí");
      ws.addRow([
        "Năm",
        "Nội dung đề xuất",
        "Trạng thái",
        "Kinh phí đề xuất (đồng)",
        "Kinh phí được duyệt (đồng)",
      ]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    };
    const before = (await admin.request("GET", "/api/budget-items")).body as { total: number };
    const bad = await admin.request("POST", "/api/budget-items/import", {
      filename: "kinh-phi.xlsx",
      contentBase64: await sheet([
        [2026, "In tờ gấp giới thiệu thành phố", "Đề xuất", "12.500.000 đ", null],
        [2026, "Thuê màn hình LED", "Được duyệt", -5, null],
        [2026, "Dịch tài liệu sang tiếng Hàn", "Đã duyệt", 30_000_000, null],
        [2026, "Hội thảo", "Chờ", 1.5, null],
      ]),
    });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "import_rows_invalid" } });
    const details = (bad.body as { error: { details: { path: string; message: string }[] } }).error.details;
    expect(details.map((d) => d.path)).toEqual([
      "row 3 / Kinh phí đề xuất (đồng)",
      "row 5 / Trạng thái",
      "row 5 / Kinh phí đề xuất (đồng)",
      "row 4",
    ]);
    expect(details[0]?.message).toContain("Số tiền phải là số nguyên đồng");
    expect(details[3]?.message).toContain("cần số tiền được duyệt");
    const unchanged = (await admin.request("GET", "/api/budget-items")).body as { total: number };
    expect(unchanged.total).toBe(before.total);

    const good = await admin.request("POST", "/api/budget-items/import", {
      filename: "kinh-phi.xlsx",
      contentBase64: await sheet([
        [2026, "In tờ gấp giới thiệu thành phố", "Đề xuất", "12.500.000 đ", null],
        [2026, "Dịch tài liệu sang tiếng Hàn", "Đã duyệt", 30_000_000, "25.000.000"],
      ]),
    });
    expect(good.status, good.text).toBe(200);
    expect(good.body).toEqual({ imported: 2 });
    const found = await leader.request("GET", "/api/budget-items?q=tai lieu sang tieng han");
    expect((found.body as { items: ItemDto[] }).items[0]).toMatchObject({
      status: "approved",
      proposedAmount: 30_000_000,
      approvedAmount: 25_000_000,
    });
  });
});
