/**
 * The annual report's Excel annex with every register of the demo data filled in: opened with ExcelJS,
 * it has the task sheet (every task of the programme) and one sheet per register that has entries in the
 * year, each with the register's rows as the draft states them, a bold frozen header and the numbering.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { type Client, signIn } from "../support/http.js";

interface StoredSheet {
  name: string;
  columns: { header: string }[];
  rows: (string | number | null)[][];
}

describe.each(dialects())("report annex with every register on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, demo: true });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    // The registers the demo data leaves empty in 2024 get an entry each.
    const entries: [string, object][] = [
      [
        "/api/budget-items",
        {
          title: "In ấn ấn phẩm đối ngoại",
          year: 2024,
          proposedAmount: 150_000_000,
          proposedOn: "2024-03-01",
        },
      ],
      [
        "/api/installations",
        {
          title: "Pano chào mừng 69 năm giải phóng Hải Phòng",
          kind: "billboard",
          address: "Nút giao Nguyễn Bỉnh Khiêm – Lê Hồng Phong",
          district: "hai_an",
          status: "installed",
          installedOn: "2024-04-20",
        },
      ],
      [
        "/api/training/courses",
        { title: "Bồi dưỡng kỹ năng phát ngôn", startDate: "2024-06-10", endDate: "2024-06-12" },
      ],
      [
        "/api/training/awards",
        {
          title: "Hải Phòng – cửa ngõ ra biển",
          authors: "Nhóm phóng viên",
          category: "television",
          round: "Lần thứ X",
          year: 2024,
          submittedOn: "2024-03-15",
          result: "a",
        },
      ],
    ];
    for (const [path, body] of entries) {
      const res = await admin.request("POST", path, body);
      expect(res.status, res.text).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it("has a sheet per register with the draft's rows, after the task sheet", async () => {
    const programmes = await t.platform.database.db.selectFrom("programmes").select("id").execute();
    expect(programmes.length).toBeGreaterThan(0);
    const programmeId = programmes[0]?.id as string;
    const tasks = await t.platform.database.db
      .selectFrom("tasks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("programme_id", "=", programmeId)
      .executeTakeFirstOrThrow();
    const created = await admin.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "annual",
      year: 2024,
      number: 7,
    });
    expect(created.status, created.text).toBe(201);
    const report = created.body as { id: string; model: { registers?: { sheets: StoredSheet[] } } };
    const stored = report.model.registers?.sheets ?? [];
    // The demo data fills every register: delegations, press visits, events, partners, budget, installations…
    // Every register of this process has entries in 2024: events, delegations, press visits, partners,
    // budget, installations, training courses and award entries.
    expect(stored.length).toBeGreaterThanOrEqual(8);
    // What the registers say of 2024 now is what the draft stored.
    const figures = await t.platform.services.registers.reportFigures(
      { from: "2024-01-01", to: "2024-12-31" },
      [],
    );
    expect(stored.map((s) => [s.name, s.rows.length])).toEqual(
      figures.figures.filter((f) => f.sheet.rows.length > 0).map((f) => [f.sheet.name, f.sheet.rows.length]),
    );

    const res = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${report.id}/export?format=xlsx`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);

    const annex = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(annex.name).toBe("Phụ lục");
    // Three title lines, a blank row, the header (row 5), then one row per task.
    expect(annex.getRow(5).getCell(3).value).toBe("Nội dung nhiệm vụ");
    expect(annex.getRow(5).getCell(3).font?.bold).toBe(true);
    expect(annex.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(annex.rowCount - 5).toBe(Number(tasks.n));
    expect(annex.getRow(6).getCell(1).value).toBe(1);

    for (const sheet of stored) {
      const ws = wb.getWorksheet(sheet.name);
      expect(ws, sheet.name).toBeDefined();
      if (!ws) continue;
      // Title, blank row, header (row 3), then the register's rows numbered 1…n.
      expect(ws.getRow(1).getCell(1).value).toBe(sheet.name.toUpperCase());
      expect(ws.getRow(3).values).toEqual([undefined, "TT", ...sheet.columns.map((c) => c.header)]);
      expect(ws.getRow(3).getCell(2).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      expect(ws.rowCount - 3, sheet.name).toBe(sheet.rows.length);
      const first = ws.getRow(4);
      expect(first.getCell(1).value).toBe(1);
      sheet.rows[0]?.forEach((cell, i) => {
        expect(first.getCell(i + 2).value ?? null, `${sheet.name} column ${i + 2}`).toEqual(cell);
      });
      expect(ws.getRow(3 + sheet.rows.length).getCell(1).value).toBe(sheet.rows.length);
    }
  });
});
