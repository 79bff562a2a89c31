/**
 * Reports quote media monitoring: coverage of the city, top outlets, possibly-false items and the
 * response cases of the period (section, table, .xlsx sheet), cases linked to a task count in that
 * task's results, a period without monitoring data says so; drafts of all programmes in one list.
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZipEntry } from "../../src/modules/reports/docx/docx.test-helpers.js";
import { NO_MONITORING_DATA } from "../../src/modules/reports/report-monitoring.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildProgramme, buildSignedInUser, buildTask } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface ReportBody {
  id: string;
  model: {
    monitoring?: {
      paragraphs: string[];
      bullets?: string[];
      table: { rows: { label: string; count: number | null }[]; total: number } | null;
    } | null;
    results: { specific: { ref: string; paragraphs: string[]; cases?: string[] }[] };
  };
}

interface ReportPage {
  items: { id: string; programmeId: string; programmeNumber: string; kind: string; year: number }[];
  page: number;
  pageSize: number;
  total: number;
}

const DAY = 86_400_000;
/** A local calendar day `days` from today (the cases are opened today, so the period is around it). */
const dayFrom = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

describe.each(dialects())("reports with media monitoring on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let programmeId: string;
  let task14: string;
  const period = { cutoffFrom: dayFrom(-60), cutoffTo: dayFrom(1) };
  const year = Number(dayFrom(0).slice(0, 4));

  const manual = async (body: Record<string, unknown>) => {
    const res = await admin.request("POST", "/api/monitoring/items/manual", body);
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string };
  };

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    secretariat = (await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] })).client;
    const programme = await buildProgramme(t.platform, {
      number: "07-CTr/BCĐ",
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    });
    programmeId = programme.id;
    task14 = (
      await buildTask(t.platform, programmeId, {
        ref: "14",
        text: "Chủ động nắm bắt dư luận, phát hiện và phản bác thông tin sai lệch, xuyên tạc về thành phố.",
        timeframeKind: "ongoing",
        start: null,
        end: null,
      })
    ).id;
    await buildTask(t.platform, programmeId, { ref: "15" });

    const japanese = await admin.request("POST", "/api/monitoring/sources", {
      name: "Nikkei Asia",
      format: "manual",
      country: "JP",
      outletType: "foreign_press",
    });
    expect(japanese.status, japanese.text).toBe(201);
    const at = (days: number) => `${dayFrom(days)}T03:00:00Z`;
    await manual({
      text: "Cảng Lạch Huyện của thành phố Hải Phòng đón tàu container lớn nhất từ trước đến nay, thu hút thêm đầu tư nước ngoài.",
      platform: "facebook",
      author: "Cổng thông tin",
      publishedAt: at(-20),
    });
    await manual({
      text: "Hai Phong city in northern Vietnam attracts record foreign direct investment as new industrial parks open near the port.",
      title: "Hai Phong draws record FDI",
      publishedAt: at(-10),
      sourceId: (japanese.body as { id: string }).id,
    });
    const rumour = await manual({
      text: "Bài đăng trên mạng xã hội bịa đặt việc thành phố Hải Phòng thu hồi đất trái phép, xuyên tạc chủ trương giải phóng mặt bằng.",
      platform: "facebook",
      author: "Tài khoản ẩn danh",
      publishedAt: at(-5),
    });
    await manual({
      text: "Giá vàng trong nước hôm nay tăng nhẹ theo thị trường thế giới.",
      platform: "facebook",
      author: "Tin nhanh",
      publishedAt: at(-5),
    });
    const corrected = await admin.request("POST", `/api/monitoring/items/${rumour.id}/labels`, {
      flags: ["check_false_info"],
      tone: "negative",
    });
    expect(corrected.status, corrected.text).toBe(200);

    const opened = await admin.request("POST", "/api/monitoring/cases", {
      itemId: rumour.id,
      title: "Tin bịa đặt về thu hồi đất",
      assessment: "false",
      taskId: task14,
    });
    expect(opened.status, opened.text).toBe(201);
    const c = opened.body as { id: string; version: number };
    const closed = await admin.request("PATCH", `/api/monitoring/cases/${c.id}`, {
      version: c.version,
      state: "resolved",
      actions: [{ kind: "article_published", note: "Báo Hải Phòng đăng bài làm rõ" }],
      outcome: "Tài khoản đã gỡ bài",
    });
    expect(closed.status, closed.text).toBe(200);
    const other = await admin.request("POST", "/api/monitoring/cases", {
      itemId: rumour.id,
      title: "Bình luận xuyên tạc",
      assessment: "hostile",
    });
    expect(other.status, other.text).toBe(201);
  });
  afterAll(async () => t?.close());

  it("puts the figures in the draft, the .docx (section and table) and the .xlsx sheet; linked cases count for task 14", async () => {
    const res = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "annual",
      year,
      ...period,
    });
    expect(res.status, res.text).toBe(201);
    const report = res.body as ReportBody;
    const section = report.model.monitoring;
    const text = [...(section?.paragraphs ?? []), ...(section?.bullets ?? [])].join("\n");
    // Three of the four items mention the city (two pasted posts, one English article from Japan).
    expect(text).toContain("ghi nhận 3 tin, bài đề cập đến thành phố trên 2 nguồn tin");
    expect(text).toContain("1 tin, bài bằng tiếng nước ngoài (tiếng Anh: 1)");
    expect(text).toContain("1 tin, bài của báo chí nước ngoài");
    // Named outlets only: the built-in manual-entry source is not an outlet.
    expect(text).toContain("Các nguồn tin đưa tin nhiều nhất: Nikkei Asia (1 tin, bài).");
    expect(text).toContain(
      "Đã phát hiện 1 tin, bài có dấu hiệu sai lệch, xuyên tạc (được hệ thống đánh dấu cần kiểm tra); mở 2 hồ sơ xử lý (1 thông tin sai sự thật, 1 thông tin xuyên tạc, thù địch), xử lý xong 1 trường hợp, đang tiếp tục xử lý 1 trường hợp.",
    );
    expect(text).toContain("đăng bài phản bác, làm rõ (1 lượt)");
    expect(text).toContain("kết quả: Tài khoản đã gỡ bài");
    expect(section?.table?.total).toBe(3);
    expect(section?.table?.rows).toContainEqual({ label: "Báo chí nước ngoài", count: 1 });

    const fourteen = report.model.results.specific.find((r) => r.ref === "14");
    expect(fourteen?.cases?.[0]).toBe(
      "Tiếp nhận 1 hồ sơ xử lý thông tin (1 thông tin sai sự thật); đã xử lý xong 1, đang xử lý 0.",
    );
    expect(fourteen?.cases?.[1]).toContain("“Tin bịa đặt về thu hồi đất” – thông tin sai sự thật");
    expect(report.model.results.specific.find((r) => r.ref === "15")?.cases).toBeUndefined();

    // The secretariat's edit of the section is what the document prints.
    const model = {
      ...report.model,
      monitoring: {
        ...section,
        paragraphs: [...(section?.paragraphs ?? []), "Đoạn do Tổ Giúp việc bổ sung."],
      },
    };
    expect((await secretariat.request("PATCH", `/api/reports/${report.id}`, { model })).status).toBe(200);

    const docx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${report.id}/export?format=docx`,
      headers: { cookie: secretariat.cookie },
    });
    expect(docx.statusCode).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    const flat = value.replace(/\s+/g, " ");
    expect(flat).toContain("Công tác theo dõi thông tin, phát hiện và xử lý thông tin sai lệch");
    expect(flat).toContain("ghi nhận 3 tin, bài đề cập đến thành phố");
    expect(flat).toContain("Đã phát hiện 1 tin, bài có dấu hiệu sai lệch");
    expect(flat).toContain("Đoạn do Tổ Giúp việc bổ sung.");
    expect(flat).toContain("Tổng số tin, bài đề cập đến thành phố 3 100");
    expect(flat).toMatch(/Báo chí nước ngoài 1 33,3/);
    expect(flat).toContain("Xử lý thông tin (theo dõi báo chí, mạng xã hội):");
    expect(flat).toContain("Tiếp nhận 1 hồ sơ xử lý thông tin");

    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${report.id}/export?format=xlsx`,
      headers: { cookie: secretariat.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = await readZipEntry(xlsx.rawPayload, "xl/workbook.xml");
    expect(workbook).toContain('name="Theo dõi thông tin"');
    const strings = await readZipEntry(xlsx.rawPayload, "xl/sharedStrings.xml");
    expect(strings).toContain("Nikkei Asia");
    expect(strings).toContain("Tin bịa đặt về thu hồi đất");
    expect(strings).toContain("Tài khoản đã gỡ bài");
  });

  it("says in one sentence that monitoring has no data for a period without any", async () => {
    const res = await secretariat.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "semiannual",
      year: 2019,
    });
    expect(res.status, res.text).toBe(201);
    const report = res.body as ReportBody;
    expect(report.model.monitoring?.paragraphs).toEqual([NO_MONITORING_DATA]);
    expect(report.model.monitoring?.table).toBeNull();
    expect(report.model.results.specific.find((r) => r.ref === "14")?.cases).toBeUndefined();
    const docx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${report.id}/export?format=docx`,
      headers: { cookie: secretariat.cookie },
    });
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value.replace(/\s+/g, " ")).toContain(NO_MONITORING_DATA);
  });

  it("lists the drafts of every programme, filtered and paged, for report readers only", async () => {
    const other = await buildProgramme(t.platform, { number: "09-KH/BCĐ" });
    for (const body of [
      { kind: "semiannual", year: 2024 },
      { kind: "annual", year: 2024 },
    ])
      expect((await secretariat.request("POST", `/api/programmes/${other.id}/reports`, body)).status).toBe(
        201,
      );

    const all = (await secretariat.request("GET", "/api/reports?pageSize=200")).body as ReportPage;
    expect(all.total).toBe(all.items.length);
    expect(new Set(all.items.map((r) => r.programmeId))).toEqual(new Set([programmeId, other.id]));
    expect(all.items.find((r) => r.programmeId === other.id)?.programmeNumber).toBe("09-KH/BCĐ");

    const filtered = (
      await secretariat.request("GET", `/api/reports?programmeId=${other.id}&kind=annual&year=2024`)
    ).body as ReportPage;
    expect(filtered.total).toBe(1);
    expect(filtered.items[0]).toMatchObject({ programmeId: other.id, kind: "annual", year: 2024 });

    const paged = (await secretariat.request("GET", "/api/reports?pageSize=1&page=2&sort=year"))
      .body as ReportPage;
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: all.total });
    expect(paged.items).toHaveLength(1);
    const years = (
      (await secretariat.request("GET", "/api/reports?sort=-year")).body as ReportPage
    ).items.map((r) => r.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));

    expect((await secretariat.request("GET", "/api/reports?kind=weekly")).status).toBe(400);
    const leader = (await buildSignedInUser(t.platform, admin, { roles: ["leader"] })).client;
    expect((await leader.request("GET", `/api/reports?programmeId=${programmeId}`)).status).toBe(200);
    const member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    expect((await member.request("GET", "/api/reports")).status).toBe(403);
  });
});
