/**
 * Foreign press visits as the secretariat keeps them, and reporters' personal data as the law asks
 * (Luật Bảo vệ dữ liệu cá nhân 2025; Nghị định 13/2023/NĐ-CP): names shown only to `press.personal.read`,
 * every such read journaled, erased by an administrator or by the daily retention job through the job
 * table — the anonymous counts staying; articles of the visit's outlets proposed and confirmed; totals.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESS_RETENTION_JOB } from "../../src/modules/press-visits/press-visits.service.js";
import type { Coverage } from "../../src/shared/api/delegations.js";
import type { Page } from "../../src/shared/api/pagination.js";
import type { PressTotals, PressVisitDto, PressVisitListItem } from "../../src/shared/api/press-visits.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const visit = (sourceId: string | null) => ({
  groupName: "Đoàn phóng viên Nhật Bản và Hàn Quốc tìm hiểu cảng Lạch Huyện",
  startDate: "2024-05-06",
  endDate: "2024-05-09",
  approval: { number: "412/BNG-TTBC", date: "2024-04-25", authority: "Bộ Ngoại giao" },
  programme: ["6/5: làm việc với Sở Ngoại vụ", "7/5: thăm cảng Lạch Huyện"],
  escorts: ["Nguyễn Thị Hướng Dẫn (Sở Ngoại vụ)"],
  topics: ["Cảng biển", "Đầu tư nước ngoài"],
  materials: ["Ấn phẩm Hải Phòng – Thành phố Cảng"],
  reporters: [
    { name: "Tanaka Hiroshi", role: "Phóng viên", outlet: "NHK World", countryCode: "JP", sourceId },
    { name: "Sato Yuki", role: "Quay phim", outlet: "NHK World", countryCode: "JP", sourceId },
    { name: "Kim Min-jun", role: "Phóng viên", outlet: "Yonhap", countryCode: "kr" },
  ],
});

describe.each(dialects())("foreign press visits on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let member: Client;
  let sourceId: string;
  let visitId: string;

  beforeAll(async () => {
    // Second factors are another suite's subject: these accounts sign in with a password only.
    t = await startTestPlatform({ dialect, env: { HAIDANG_MFA_REQUIRED_ROLES: "" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    secretariat = (await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] })).client;
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    const source = await admin.request("POST", "/api/monitoring/sources", {
      name: "NHK World",
      format: "manual",
      country: "JP",
      outletType: "foreign_press",
    });
    expect(source.status, source.text).toBe(201);
    sourceId = (source.body as { id: string }).id;
  });
  afterAll(async () => t?.close());

  it("keeps reporters' names for those allowed, journals each read, and refuses bad input", async () => {
    const res = await secretariat.request("POST", "/api/press-visits", visit(sourceId));
    expect(res.status, res.text).toBe(201);
    visitId = (res.body as PressVisitDto).id;

    const forMember = (await member.request("GET", `/api/press-visits/${visitId}`)).body as PressVisitDto;
    expect(forMember).toMatchObject({ showsPersonalData: false, peopleCount: 3, countries: ["JP", "KR"] });
    expect(forMember.outlets).toEqual(["NHK World", "Yonhap"]);
    expect(forMember.reporters.map((r) => r.name)).toEqual([null, null, null]);
    expect(JSON.stringify(forMember)).not.toContain("Tanaka");

    const forSecretariat = (await secretariat.request("GET", `/api/press-visits/${visitId}`))
      .body as PressVisitDto;
    expect(forSecretariat.showsPersonalData).toBe(true);
    expect(forSecretariat.reporters.map((r) => r.name)).toEqual([
      "Tanaka Hiroshi",
      "Sato Yuki",
      "Kim Min-jun",
    ]);
    expect(forSecretariat.retentionEndsOn).toBe("2026-05-09");
    const journal = await admin.request("GET", `/api/audit?entityType=press_visit&entityId=${visitId}`);
    const entries = (journal.body as Page<{ action: string; after: unknown }>).items;
    // Two answers carried the names: the creation's and the read's; the member's carried none.
    expect(entries.filter((e) => e.action === "read_personal")).toHaveLength(2);
    // The journal never copies the names it protects.
    expect(JSON.stringify(entries)).not.toContain("Tanaka");

    const bad = async (body: Record<string, unknown>, code: string) => {
      const r = await secretariat.request("POST", "/api/press-visits", { ...visit(null), ...body });
      expect(r.status, r.text).toBe(400);
      expect((r.body as { error: { code: string } }).error.code).toBe(code);
    };
    await bad({ endDate: "2024-05-01" }, "press_visit_end_before_start");
    await bad({ reporters: [{ name: "A", outlet: "B", countryCode: "ZZ" }] }, "press_visit_unknown_country");
    await bad(
      { reporters: [{ name: "A", outlet: "B", countryCode: "JP", passportNumber: "X1" }] },
      "validation_failed",
    );
    expect((await member.request("POST", "/api/press-visits", visit(null))).status).toBe(403);
  });

  it("proposes the outlets' articles about the city after the visit, and totals any period", async () => {
    const post = async (text: string, publishedAt: string) => {
      const r = await admin.request("POST", "/api/monitoring/items/manual", {
        text,
        title: text.slice(0, 60),
        publishedAt,
        sourceId,
      });
      expect(r.status, r.text).toBe(201);
      return (r.body as { id: string }).id;
    };
    const article = await post(
      "Cảng Lạch Huyện của Hải Phòng đón tàu container lớn nhất từ trước đến nay.",
      "2024-05-20T01:00:00Z",
    );
    await post("Cảng Lạch Huyện của Hải Phòng mở tuyến mới sang Nhật Bản.", "2024-07-20T01:00:00Z");
    await post("Tokyo tổ chức lễ hội pháo hoa mùa hè.", "2024-05-21T01:00:00Z");

    const coverage = (await member.request("GET", `/api/press-visits/${visitId}/coverage`)).body as Coverage;
    expect(coverage.proposed.map((i) => i.itemId)).toEqual([article]);
    const confirmed = await secretariat.request("POST", `/api/press-visits/${visitId}/coverage`, {
      itemId: article,
      decision: "confirmed",
    });
    expect((confirmed.body as Coverage).confirmed.map((i) => i.itemId)).toEqual([article]);

    await secretariat.request("POST", "/api/press-visits", {
      ...visit(null),
      groupName: "Đoàn phóng viên Pháp",
      startDate: "2024-10-01",
      endDate: "2024-10-03",
      reporters: [{ name: "Jean Dupont", outlet: "Le Monde", countryCode: "FR" }],
    });
    const totals = await member.request("GET", "/api/press-visits/totals?from=2024-01-01&to=2024-12-31");
    expect(totals.body as PressTotals).toMatchObject({
      groups: 2,
      people: 4,
      outlets: 3,
      countries: 3,
      articles: 1,
    });
    const half = await member.request("GET", "/api/press-visits/totals?from=2024-01-01&to=2024-06-30");
    expect(half.body as PressTotals).toMatchObject({
      groups: 1,
      people: 3,
      outlets: 2,
      countries: 2,
      articles: 1,
    });
    const list = await member.request("GET", "/api/press-visits?q=phap");
    expect((list.body as Page<PressVisitListItem>).items.map((i) => i.groupName)).toEqual([
      "Đoàn phóng viên Pháp",
    ]);
    const byCountry = await member.request("GET", "/api/press-visits?country=KR&year=2024");
    expect((byCountry.body as Page<PressVisitListItem>).items).toHaveLength(1);

    const { pressVisitsRegisterKind } = await import("../../src/modules/press-visits/press-visits.kind.js");
    const figures = await pressVisitsRegisterKind.figures(t.platform.services.db, {
      from: "2024-01-01",
      to: "2024-12-31",
    });
    expect(figures.sentences).toEqual([
      "Trong kỳ, đón 2 đoàn phóng viên nước ngoài với 4 lượt phóng viên của 3 cơ quan báo chí đến từ 3 quốc gia; các cơ quan báo chí này đăng 1 tin, bài về thành phố.",
    ]);
  });

  it("erases personal data at an administrator's request and after the retention period, keeping the counts", async () => {
    expect(
      (await secretariat.request("POST", `/api/press-visits/${visitId}/erase-personal-data`)).status,
    ).toBe(403);
    const erased = await admin.request("POST", `/api/press-visits/${visitId}/erase-personal-data`);
    expect(erased.status, erased.text).toBe(200);
    const after = erased.body as PressVisitDto;
    expect(after.personalErasedAt).not.toBeNull();
    expect(after.reporters.map((r) => r.name)).toEqual([null, null, null]);
    expect(after).toMatchObject({ peopleCount: 3, countries: ["JP", "KR"] });
    const again = await secretariat.request("PATCH", `/api/press-visits/${visitId}`, {
      reporters: visit(null).reporters,
    });
    expect((again.body as { error: { code: string } }).error.code).toBe("press_visit_personal_data_erased");

    // A visit that ended long ago: the daily job, run through the job table, erases it.
    const old = await secretariat.request("POST", "/api/press-visits", {
      ...visit(null),
      groupName: "Đoàn phóng viên Lào năm 2021",
      startDate: "2021-03-01",
      endDate: "2021-03-03",
      reporters: [{ name: "Souphanh K.", outlet: "Vientiane Times", countryCode: "LA" }],
    });
    const oldId = (old.body as PressVisitDto).id;
    const { jobs } = t.platform.services;
    await jobs.enqueue({ name: PRESS_RETENTION_JOB });
    expect(await jobs.tick()).toBeGreaterThanOrEqual(1);
    const oldNow = (await secretariat.request("GET", `/api/press-visits/${oldId}`)).body as PressVisitDto;
    expect(oldNow.personalErasedAt).not.toBeNull();
    expect(oldNow.reporters).toMatchObject([{ name: null, outlet: "Vientiane Times", countryCode: "LA" }]);
    // The visits of 2024 ended more than 730 days before today; one that ended last month keeps its names.
    const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const recent = await secretariat.request("POST", "/api/press-visits", {
      ...visit(null),
      groupName: "Đoàn phóng viên Xinh-ga-po",
      startDate: lastMonth,
      endDate: lastMonth,
      reporters: [{ name: "Tan Wei Ling", outlet: "The Straits Times", countryCode: "SG" }],
    });
    expect(recent.status, recent.text).toBe(201);
    await jobs.enqueue({ name: PRESS_RETENTION_JOB, idempotencyKey: "second-run" });
    await jobs.tick();
    const recentNow = await secretariat.request(
      "GET",
      `/api/press-visits/${(recent.body as PressVisitDto).id}`,
    );
    expect((recentNow.body as PressVisitDto).reporters.map((r) => r.name)).toEqual(["Tan Wei Ling"]);
    const french = (await member.request("GET", "/api/press-visits?q=phap")).body as Page<PressVisitListItem>;
    const frenchNow = await secretariat.request("GET", `/api/press-visits/${french.items[0]?.id}`);
    expect((frenchNow.body as PressVisitDto).personalErasedAt).not.toBeNull();

    const journal = await admin.request(
      "GET",
      `/api/audit?entityType=press_visit&entityId=${oldId}&action=erase_personal`,
    );
    expect((journal.body as Page<{ actorId: string | null }>).items).toMatchObject([{ actorId: null }]);
    const totals = await member.request("GET", "/api/press-visits/totals?from=2021-01-01&to=2024-12-31");
    expect((totals.body as PressTotals).people).toBe(5);
  });

  it("imports a sheet of reporters as visits, nothing when a row is bad", async () => {
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Phóng viên");
      ws.addRow([
        "Đoàn phóng viên",
        "Từ ngày",
        "Đến ngày",
        "Họ tên phóng viên",
        "Vai trò",
        "Cơ quan báo chí",
        "Mã quốc gia",
      ]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    };
    const rows = [
      ["Đoàn phóng viên Nga", "12/08/2024", "15/08/2024", "Ivan Petrov", "Phóng viên", "TASS", "RU"],
      ["Đoàn phóng viên Nga", "12/08/2024", "15/08/2024", "Olga Ivanova", "Quay phim", "RT", "RU"],
      ["Đoàn phóng viên Úc", "02/09/2024", "04/09/2024", "Jack Smith", "", "ABC", "AU"],
    ];
    const bad = await secretariat.request("POST", "/api/press-visits/import", {
      filename: "pv.xlsx",
      contentBase64: await sheet([
        ...rows,
        ["Đoàn phóng viên Úc", "02/09/2024", "04/09/2024", "Mia Lee", "", "", "AU"],
      ]),
    });
    expect(bad.status, bad.text).toBe(400);
    const error = (bad.body as { error: { code: string; details: { path: string }[] } }).error;
    expect(error).toMatchObject({
      code: "import_rows_invalid",
      details: [{ path: "row 5 / Cơ quan báo chí" }],
    });
    const good = await secretariat.request("POST", "/api/press-visits/import", {
      filename: "pv.xlsx",
      contentBase64: await sheet(rows),
    });
    expect(good.body).toEqual({ imported: 2 });
    const totals = await member.request("GET", "/api/press-visits/totals?from=2024-08-01&to=2024-09-30");
    expect(totals.body as PressTotals).toMatchObject({ groups: 2, people: 3, outlets: 3, countries: 2 });
  });
});
