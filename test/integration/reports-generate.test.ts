/** Report drafts from confirmed check-ins → .docx, annex .xlsx, PDF through LibreOffice; urging notice; CLI. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPdfConversionAvailable } from "../../src/modules/reports/docx/convert-pdf.js";
import { docxText, readZipEntry } from "../../src/modules/reports/docx/docx.test-helpers.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { cliEnv, runCli } from "../support/cli.js";
import { dialects } from "../support/db.js";
import {
  buildCheckIn,
  buildProgramme,
  buildReferenceProgramme,
  buildSignedInUser,
  buildTask,
} from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const run = promisify(execFile);

interface ReportBody {
  id: string;
  model: {
    intro: string[];
    results: { specific: { ref: string; title: string; paragraphs: string[]; evidence: string[] }[] };
    statistics: { total: number };
  };
}

describe.each(dialects())("reports on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let programmeId: string;
  let taskIds: Record<string, string>;
  let adminUserId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, demo: true });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const sec = await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] });
    secretariat = sec.client;
    adminUserId = sec.id;
    const ref = await buildReferenceProgramme(t.platform);
    programmeId = ref.id;
    taskIds = ref.taskIds;
    const seven = await buildCheckIn(t.platform, taskIds["7"] as string, {
      createdBy: adminUserId,
      doneText: "Đã hoàn thành đề xuất hệ thống cổ động trực quan tại 12 cửa ô thành phố.",
      completedOn: "2024-06-10",
      submittedAt: "2024-06-11T02:00:00Z",
      difficulties: "Kinh phí lắp đặt còn hạn chế.",
    });
    await t.platform.database.db
      .insertInto("check_in_evidence")
      .values({
        id: crypto.randomUUID(),
        check_in_id: seven.id,
        kind: "article",
        file_id: null,
        url: null,
        title: "Phóng sự trên VTV4",
        count: 2,
        created_at: new Date().toISOString(),
        created_by: null,
      })
      .execute();
    await buildCheckIn(t.platform, taskIds["15"] as string, {
      createdBy: adminUserId,
      state: "returned",
      submittedAt: "2024-06-05T02:00:00Z",
    });
  });
  afterAll(async () => t?.close());

  it("drafts the semi-annual report from confirmed check-ins, lets the secretariat edit it, and exports .docx and .xlsx", async () => {
    const member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    expect(
      (
        await member.request("POST", `/api/programmes/${programmeId}/reports`, {
          kind: "semiannual",
          year: 2024,
        })
      ).status,
    ).toBe(403);

    const res = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "semiannual",
      year: 2024,
      number: 15,
    });
    expect(res.status).toBe(201);
    const report = res.body as ReportBody;
    const seven = report.model.results.specific.find((r) => r.ref === "7");
    expect(seven?.paragraphs[0]).toContain("12 cửa ô");
    expect(seven?.evidence).toEqual(["Phóng sự trên VTV4: 2"]);
    // Nothing confirmed for task 15: no sentence under it, one sentence for the section in the document.
    expect(report.model.results.specific.find((r) => r.ref === "15")?.paragraphs).toEqual([]);
    // Titles are whole first sentences, never cut in the middle of a word.
    for (const item of report.model.results.specific) expect(item.title).not.toMatch(/…$/);
    // The programme's title, printed in capitals in its header, reads in sentence case in the opening.
    expect(report.model.intro[0]).toMatch(/^Thực hiện Chương trình số 02-CTr\/BCĐ, ngày 13\/03\/2024 của /);
    expect(report.model.intro[0]).toContain(" về công tác năm 2024, Ban Chỉ đạo báo cáo");
    expect(report.model.intro[0]).not.toMatch(/\p{Lu}{2,} \p{Lu}{2,}/u);
    expect(report.model.statistics.total).toBe(20);

    const model = { ...report.model, intro: ["Lời mở đầu do Tổ Giúp việc biên tập lại."] };
    const edited = await secretariat.request("PATCH", `/api/reports/${report.id}`, { model });
    expect(edited.status).toBe(200);
    expect(
      ((await admin.request("GET", `/api/reports/${report.id}`)).body as ReportBody).model.intro,
    ).toEqual(model.intro);

    const docx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${report.id}/export?format=docx`,
      headers: { cookie: secretariat.cookie },
    });
    expect(docx.statusCode).toBe(200);
    const text = docxText(await readZipEntry(docx.rawPayload, "word/document.xml"));
    expect(text).toContain("Số 15-BC/BCĐ");
    expect(text).toContain("Lời mở đầu do Tổ Giúp việc biên tập lại.");
    expect(text).toContain("Kinh phí lắp đặt còn hạn chế.");
    expect(text.match(/chưa có báo cáo kết quả được xác nhận/g)?.length).toBeLessThanOrEqual(2);
    expect(text).toMatch(
      /- Các nhiệm vụ cụ thể [^\n]*15[^\n]*: trong kỳ chưa có báo cáo kết quả được xác nhận\./,
    );
    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${report.id}/export?format=xlsx`,
      headers: { cookie: secretariat.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readZipEntry(xlsx.rawPayload, "xl/sharedStrings.xml");
    expect(sheet).toContain("Trần Thị Hoàng Mai");
    expect(sheet).toContain("Phóng sự trên VTV4: 2");
  });

  it("converts the report to PDF with LibreOffice (required under CI) and the text reads right", async () => {
    const available = await isPdfConversionAvailable();
    if (!available) {
      expect(process.env.CI, "LibreOffice (soffice) must be installed under CI=true").not.toBe("true");
      return;
    }
    const res = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "annual",
      year: 2024,
    });
    const id = (res.body as ReportBody).id;
    const pdf = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${id}/export?format=pdf`,
      headers: { cookie: secretariat.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(t.config.dataDir, "report.pdf");
    fs.writeFileSync(file, pdf.rawPayload);
    const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
    const flat = stdout.replace(/\s+/g, " ");
    expect(flat).toContain("BÁO CÁO");
    expect(flat).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(flat).toMatch(/Số\s+-BC\/BCĐ/);
    expect(flat).toContain("Đã hoàn thành đúng hạn");
    // 20 tasks in the statistics table: one completed on time (5%).
    expect(flat).toMatch(/Đã hoàn thành đúng hạn\s+1\s+5/);
  }, 120_000);

  it("leaves out a result confirmed after the cut-off and says why in the draft", async () => {
    await buildCheckIn(t.platform, taskIds["9"] as string, {
      createdBy: adminUserId,
      period: "2024-Q2",
      doneText: "Đã phát hành ấn phẩm giới thiệu thành phố bằng tiếng Anh.",
      completedOn: "2024-06-05",
      submittedAt: "2024-06-06T02:00:00Z",
      // Confirmed on 20/6, after the semi-annual cut-off (14/6).
      decidedAt: "2024-06-20T03:00:00Z",
    });
    const res = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "semiannual",
      year: 2024,
    });
    const body = res.body as ReportBody & {
      afterCutoff: { ref: string; confirmedOn: string; partyName: string }[];
      afterCutoffRule: { vi: string };
    };
    expect(body.model.results.specific.find((r) => r.ref === "9")?.paragraphs).toEqual([]);
    expect(body.afterCutoff.map((a) => [a.ref, a.confirmedOn])).toEqual([["9", "2024-06-20"]]);
    expect(body.afterCutoffRule.vi).toBe("xác nhận sau ngày chốt số liệu — tính vào kỳ sau");
    // The annual report's window (to 14/12) holds it.
    const annual = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "annual",
      year: 2024,
    });
    const annualBody = annual.body as ReportBody & { afterCutoff: unknown[] };
    expect(annualBody.model.results.specific.find((r) => r.ref === "9")?.paragraphs[0]).toContain("ấn phẩm");
    expect(annualBody.afterCutoff).toEqual([]);
    const again = (await secretariat.request("GET", `/api/reports/${body.id}`)).body as typeof body;
    expect(again.afterCutoff.map((a) => a.ref)).toEqual(["9"]);
  });

  it("still produces a report for a period without data, and says so", async () => {
    const empty = await buildProgramme(t.platform, { number: "05-CTr/BCĐ" });
    await buildTask(t.platform, empty.id, { ref: "1" });
    const res = await secretariat.request("POST", `/api/programmes/${empty.id}/reports`, {
      kind: "annual",
      year: 2024,
    });
    expect(res.status).toBe(201);
    expect(JSON.stringify((res.body as ReportBody).model)).toContain(
      "Trong kỳ chưa có báo cáo kết quả được xác nhận",
    );
  });

  it("produces an urging notice for selected tasks", async () => {
    const res = await t.platform.app.inject({
      method: "POST",
      url: `/api/programmes/${programmeId}/urging-notice`,
      headers: {
        cookie: secretariat.cookie,
        "x-csrf-token": secretariat.csrfToken,
        "content-type": "application/json",
      },
      payload: JSON.stringify({ taskIds: [taskIds["15"]], number: 21, date: "2024-08-05" }),
    });
    expect(res.statusCode).toBe(200);
    const text = docxText(await readZipEntry(res.rawPayload, "word/document.xml"));
    expect(text).toContain("Số 21-CV/BCĐ");
    expect(text).toContain("Đào Văn Hoàn");
  });

  it("generates the report from the command line on the same data", async () => {
    const out = path.join(t.config.dataDir, "bao-cao.docx");
    const annex = path.join(t.config.dataDir, "phu-luc.xlsx");
    const r = await runCli(
      [
        "report",
        "generate",
        "--programme",
        "02-CTr/BCĐ",
        "--kind",
        "semiannual",
        "--year",
        "2024",
        "--out",
        out,
        "--annex",
        annex,
      ],
      cliEnv(t.config.dataDir, t.config.database),
    );
    expect(r.code, r.stderr).toBe(0);
    const text = docxText(await readZipEntry(fs.readFileSync(out), "word/document.xml"));
    expect(text).toContain("6 tháng đầu năm");
    expect(text).toContain("12 cửa ô");
    expect(fs.readFileSync(annex).subarray(0, 2).toString()).toBe("PK");
    // The same annex as the server's export: every task, and the monitoring sheet.
    const workbook = await readZipEntry(fs.readFileSync(annex), "xl/workbook.xml");
    expect(workbook).toContain("Theo dõi thông tin");
    const missing = await runCli(
      ["report", "generate", "--programme", "99-CTr/BCĐ", "--kind", "annual", "--year", "2024", "--out", out],
      cliEnv(t.config.dataDir, t.config.database),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("programme_not_found");
  }, 60_000);

  it("serves an unchanged report from memory and never a stale one: edits and new results show at once", async () => {
    const created = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "semiannual",
      year: 2024,
      number: 16,
    });
    const report = created.body as ReportBody;
    const download = async (format: "docx" | "xlsx") => {
      const res = await t.platform.app.inject({
        method: "GET",
        url: `/api/reports/${report.id}/export?format=${format}`,
        headers: { cookie: secretariat.cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.rawPayload;
    };
    const first = await download("docx");
    // The same bytes again, even a second later (a Word file records when it was made).
    await new Promise((r) => setTimeout(r, 1100));
    expect((await download("docx")).equals(first)).toBe(true);

    // The secretariat edits the text: the next download has it, in this process and any other.
    const model = { ...report.model, intro: ["Lời mở đầu sửa lần hai."] };
    expect((await secretariat.request("PATCH", `/api/reports/${report.id}`, { model })).status).toBe(200);
    expect(docxText(await readZipEntry(await download("docx"), "word/document.xml"))).toContain(
      "Lời mở đầu sửa lần hai.",
    );

    // The annex lists the tasks' current results: a result confirmed now shows in the next download.
    const before = await readZipEntry(await download("xlsx"), "xl/sharedStrings.xml");
    expect(before).not.toContain("Đã tổ chức tọa đàm với phóng viên nước ngoài");
    await buildCheckIn(t.platform, taskIds["15"] as string, {
      createdBy: adminUserId,
      doneText: "Đã tổ chức tọa đàm với phóng viên nước ngoài tại Đồ Sơn.",
      completedOn: "2024-06-12",
      submittedAt: "2024-06-13T02:00:00Z",
    });
    const after = await readZipEntry(await download("xlsx"), "xl/sharedStrings.xml");
    expect(after).toContain("Đã tổ chức tọa đàm với phóng viên nước ngoài tại Đồ Sơn.");
  });
});
