import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeStatuses } from "../../follow-up/status/status.engine.js";
import { summarizeStatuses } from "../../follow-up/status/status.summary.js";
import { reportStatistics } from "../report-statistics.js";
import { ANNEX_COLUMNS, buildTaskAnnexXlsx } from "./annex.xlsx.js";
import { docxText, readZipEntry } from "./docx.test-helpers.js";
import { buildReportDocx } from "./report.docx.js";
import { sampleSemiannualReport, sampleUrgingNotice } from "./report.sample.js";
import { buildUrgingNoticeDocx, overdueUrgingItems } from "./urging-notice.docx.js";

/** The run properties of the run holding exactly `text`. */
function runProps(xml: string, text: string): string {
  const at = xml.indexOf(`>${text}</w:t>`);
  const start = xml.lastIndexOf("<w:rPr>", at);
  return at < 0 || start < 0 ? "" : xml.slice(start, xml.indexOf("</w:rPr>", start));
}

async function documentXml(buffer: Buffer): Promise<string> {
  return readZipEntry(buffer, "word/document.xml");
}

describe("Party-format report (HD 36-HD/VPTW)", async () => {
  const buffer = await buildReportDocx(sampleSemiannualReport());
  const xml = await documentXml(buffer);
  const text = docxText(xml);

  it("is a Word document", () => {
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
  });

  it("has the Party header: issuer, *, number without colon, underlined ĐẢNG CỘNG SẢN VIỆT NAM, date", () => {
    const lines = text.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "THÀNH ỦY HẢI PHÒNG",
      "BAN CHỈ ĐẠO",
      "CÔNG TÁC THÔNG TIN ĐỐI NGOẠI",
      "*",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]);
    expect(text).toContain("Số 15-BC/BCĐ");
    expect(text).toContain("Hải Phòng, ngày 20 tháng 6 năm 2024");
    expect(runProps(xml, "ĐẢNG CỘNG SẢN VIỆT NAM")).toMatch(/<w:b\/>.*<w:u w:val="single"\/>/);
    // The header is a borderless table.
    expect(xml.indexOf("<w:tbl>")).toBeLessThan(xml.indexOf("ĐẢNG CỘNG SẢN VIỆT NAM"));
  });

  it("sets A4, margins 20/20/30/15 mm and Times New Roman 14 pt", async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    const styles = await readZipEntry(buffer, "word/styles.xml");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it("follows the structure of a sơ kết report in Vietnamese", () => {
    const order = [
      "BÁO CÁO",
      "sơ kết công tác thông tin đối ngoại 6 tháng đầu năm,",
      "I. KẾT QUẢ THỰC HIỆN",
      "1. Công tác lãnh đạo, chỉ đạo",
      "2. Kết quả thực hiện các nhiệm vụ chung",
      "3. Kết quả thực hiện các nhiệm vụ cụ thể",
      "- Nhiệm vụ 7: Tuyên truyền, quảng bá thành phố",
      "+ Kế hoạch số 95/KH-UBND ngày 10/4/2024",
      "4. Tình hình thực hiện nhiệm vụ (tính đến ngày 14/06/2024)",
      "Chưa hoàn thành, còn trong hạn",
      "II. HẠN CHẾ, NGUYÊN NHÂN",
      "III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024",
      "IV. ĐỀ XUẤT, KIẾN NGHỊ",
      "Nơi nhận:",
      "- Ban Tuyên giáo Trung ương (để báo cáo),",
      "PHÓ BÍ THƯ",
      "kiêm",
      "Đỗ Mạnh Hiến",
    ];
    let at = -1;
    for (const s of order) {
      const next = text.indexOf(s, at + 1);
      expect(next, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toContain("(Đã hoàn thành đúng hạn)");
    expect(text).toContain("51,9");
  });

  it("names part III for an annual report after the next year", async () => {
    const annual = docxText(
      await documentXml(await buildReportDocx(sampleSemiannualReport({ kind: "annual" }))),
    );
    expect(annual).toContain("III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2025");
  });
});

describe("task results read as a person writes them", async () => {
  const long =
    "Tổ chức các hoạt động tuyên truyền, quảng bá hình ảnh thành phố Hải Phòng năng động, thân thiện, mến khách trên các phương tiện truyền thông quốc tế, gắn với các sự kiện chính trị, kinh tế, văn hóa lớn của thành phố trong năm 2024 và kỷ niệm 69 năm Ngày giải phóng Hải Phòng";
  const base = sampleSemiannualReport();
  const silent = (ref: string) => ({ ref, title: `Nhiệm vụ số ${ref}`, paragraphs: [], evidence: [] });
  const model = sampleSemiannualReport({
    results: {
      general: [...base.results.general, silent("I.2"), silent("I.3")],
      specific: [
        ...base.results.specific,
        {
          ref: "9",
          title: long,
          status: "in_progress_on_time",
          paragraphs: ["Đã triển khai."],
          evidence: [],
        },
        silent("10"),
        // A draft saved before the grouping: the sentence under the task itself.
        { ...silent("11"), paragraphs: ["Trong kỳ chưa có báo cáo kết quả được xác nhận."] },
        silent("12"),
      ],
    },
  });
  const text = docxText(await documentXml(await buildReportDocx(model)));

  it("says once per section which tasks have no confirmed result, instead of under every task", () => {
    expect(text.match(/chưa có báo cáo kết quả được xác nhận/g)).toHaveLength(2);
    expect(text).toContain(
      "- Các nhiệm vụ chung I.2 và I.3: trong kỳ chưa có báo cáo kết quả được xác nhận.",
    );
    expect(text).toContain(
      "- Các nhiệm vụ cụ thể 10, 11 và 12: trong kỳ chưa có báo cáo kết quả được xác nhận.",
    );
    expect(text).not.toContain("- Nhiệm vụ 10:");
  });

  it("prints a task's title whole, never cut in the middle of a word", () => {
    expect(text).toContain(long);
    expect(text).not.toMatch(/\p{L}…/u);
  });
});

describe("State-format report (NĐ 30/2020)", async () => {
  const model = sampleSemiannualReport({
    format: "state",
    issuer: { parent: "UBND thành phố Hải Phòng", lines: ["Sở Thông tin và Truyền thông"] },
    number: { seq: 15, typeCode: "BC", issuerCode: "STTTT" },
    signature: { signFor: "Giám đốc", titleLines: ["PHÓ GIÁM ĐỐC"], name: "Phạm Văn Tuấn" },
  });
  const xml = await documentXml(await buildReportDocx(model));
  const text = docxText(xml);

  it("has quốc hiệu, underlined tiêu ngữ, a numbered symbol with colon and a KT. signature", () => {
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(runProps(xml, "Độc lập - Tự do - Hạnh phúc")).toMatch(/<w:b\/>.*<w:u w:val="single"\/>/);
    expect(text).toContain("Số: 15/BC-STTTT");
    expect(text).toContain("KT. GIÁM ĐỐC");
    expect(text).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });
});

describe("urging notice (công văn đôn đốc)", () => {
  it("lists overdue tasks with lead, due date and days overdue", async () => {
    const text = docxText(await documentXml(await buildUrgingNoticeDocx(sampleUrgingNotice())));
    expect(text).toContain("Số 21-CV/BCĐ");
    expect(text).toContain("V/v đôn đốc thực hiện các nhiệm vụ");
    expect(text).toContain("Kính gửi: Các đồng chí thành viên Ban Chỉ đạo được phân công chủ trì.");
    expect(text).toMatch(/15\. Tổ chức bồi dưỡng[^\n]*\nĐào Văn Hoàn\n30\/06\/2024\n36/);
    expect(text).toContain("T/M BAN CHỈ ĐẠO");
  });

  it("picks the overdue tasks from status results, oldest first", () => {
    const tasks = [
      { id: "a", timeframe: { kind: "period" as const, end: "2024-06-30" }, checkIns: [] },
      { id: "b", timeframe: { kind: "period" as const, end: "2024-03-31" }, checkIns: [] },
      { id: "c", timeframe: { kind: "period" as const, end: "2024-12-31" }, checkIns: [] },
    ];
    const items = overdueUrgingItems(computeStatuses(tasks, "2024-08-05"), (id) => ({
      ref: id.toUpperCase(),
      text: `Nhiệm vụ ${id}`,
      leads: ["X"],
    }));
    expect(items.map((i) => [i.ref, i.daysOverdue])).toEqual([
      ["B", 127],
      ["A", 36],
    ]);
  });
});

describe("report statistics from the status engine", () => {
  it("gives rows and an overdue-age note", () => {
    const tasks = [
      { id: "a", timeframe: { kind: "period" as const, end: "2024-01-31" }, checkIns: [] },
      { id: "b", timeframe: { kind: "period" as const, end: "2024-06-30" }, checkIns: [] },
      { id: "c", timeframe: { kind: "as_directed" as const }, checkIns: [] },
    ];
    const s = reportStatistics(summarizeStatuses(computeStatuses(tasks, "2024-07-10")), "2024-07-10");
    expect(s.total).toBe(3);
    expect(s.rows.map((r) => [r.status, r.count])).toEqual([
      ["overdue", 2],
      ["awaiting_due_date", 1],
    ]);
    expect(s.note).toBe("Trong số 2 nhiệm vụ quá hạn: quá hạn đến 30 ngày: 1; quá hạn trên 120 ngày: 1.");
  });
});

describe("task annex (.xlsx)", () => {
  it("lists every task with a bold frozen header, widths and wrapped text", async () => {
    const buffer = await buildTaskAnnexXlsx({
      titleLines: ["PHỤ LỤC", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024"],
      tasks: [
        {
          ref: "II.16",
          text: "Tham mưu, đề xuất tổ chức thông tin, truyền thông về quyền con người",
          directing: ["Đào Khánh Hà"],
          leads: ["Đào Quang Trường"],
          coordinators: ["các thành viên Ban Chỉ đạo"],
          timeframe: "6 tháng đầu năm và năm 2024",
          status: "overdue",
          statusNote: "quá hạn 36 ngày",
          evidence: ["Bài viết trên Báo Hải Phòng", "Tọa đàm ngày 10/5/2024"],
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe("Phụ lục");
    const header = ws.getRow(4);
    expect(header.values).toEqual([undefined, ...ANNEX_COLUMNS.map((c) => c.header)]);
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    const row = ws.getRow(5);
    expect(row.getCell(2).value).toBe("II.16");
    expect(row.getCell(8).value).toBe("Chưa hoàn thành, quá hạn (quá hạn 36 ngày)");
    expect(row.getCell(9).value).toBe("- Bài viết trên Báo Hải Phòng\n- Tọa đàm ngày 10/5/2024");
    expect(row.getCell(3).alignment?.wrapText).toBe(true);
    expect(ws.getColumn(3).width).toBe(60);
  });
});
