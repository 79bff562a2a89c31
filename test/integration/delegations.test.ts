/**
 * The delegations register as the secretariat keeps it: entries with members, itinerary, information
 * plan and authorising document; status moved only along allowed steps; bad input refused with stable
 * codes; accent-free search and filters; coverage proposed from monitoring and confirmed; leads of the
 * responsible unit edit their delegation, others read only; report figures; XLSX/CSV export; audited.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Coverage, DelegationDto, DelegationListItem } from "../../src/shared/api/delegations.js";
import type { Page } from "../../src/shared/api/pagination.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildSignedInUser, buildUnit } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";

const kobe = {
  title: "Đoàn công tác của Thành ủy thăm thành phố Kobe (Nhật Bản)",
  channel: "party",
  direction: "outbound",
  countryCode: "jp",
  partner: "Thành phố Kobe",
  level: "Lãnh đạo thành phố",
  startDate: "2024-04-08",
  endDate: "2024-04-12",
  itinerary: ["8/4: Hà Nội – Osaka", "9–11/4: làm việc tại Kobe", "12/4: về nước"],
  authorisation: { number: "125-QĐ/TU", date: "2024-03-20", issuer: "Ban Thường vụ Thành ủy" },
  agreements: [{ title: "Biên bản ghi nhớ hợp tác cảng biển", date: "2024-04-10", partner: "Cảng Kobe" }],
};

describe.each(dialects())("delegations register on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let member: Client;
  let outsider: Client;
  let unitId: string;
  let kobeId: string;

  beforeAll(async () => {
    // Second factors are another suite's subject: these accounts sign in with a password only.
    t = await startTestPlatform({ dialect, env: { HAIDANG_MFA_REQUIRED_ROLES: "" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const unit = await buildUnit(admin, { name: "Sở Ngoại vụ thử nghiệm" });
    unitId = unit.id;
    const person = await buildPerson(admin, { fullName: "Trần Văn Lead", unitId });
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id })).client;
    outsider = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
  });
  afterAll(async () => t?.close());

  it("records a delegation with its members and plan, and refuses bad dates, countries and status jumps", async () => {
    const head = await buildPerson(admin, { fullName: "Lê Tiến Châu" });
    const res = await admin.request("POST", "/api/delegations", {
      ...kobe,
      head: { personId: head.id, name: "Lê Tiến Châu", title: "Bí thư Thành ủy" },
      members: [{ name: "Ông Yamada Taro", title: "Khách mời, Hội hữu nghị Nhật – Việt" }],
      informationPlan: {
        pressRelease: true,
        photos: true,
        languages: ["vi", "ja"],
        responsibleUnitId: unitId,
      },
    });
    expect(res.status, res.text).toBe(201);
    const d = res.body as DelegationDto;
    kobeId = d.id;
    expect(d).toMatchObject({
      countryCode: "JP",
      countryName: "Nhật Bản",
      status: "proposed",
      nextStatuses: ["approved", "cancelled"],
      informationPlan: { responsibleUnitName: "Sở Ngoại vụ thử nghiệm", languages: ["vi", "ja"] },
    });

    const bad = async (body: Record<string, unknown>, code: string) => {
      const r = await admin.request(
        "POST",
        "/api/delegations",
        { ...kobe, ...body },
        { "accept-language": "en" },
      );
      expect(r.status, r.text).toBe(400);
      expect((r.body as { error: { code: string } }).error.code).toBe(code);
      return (r.body as { error: { message: string } }).error.message;
    };
    expect(await bad({ endDate: "2024-04-01" }, "delegation_end_before_start")).toMatch(/end date/);
    await bad({ countryCode: "XX" }, "delegation_unknown_country");
    // Members may be people of the directory (by id, which must exist) or outside guests (name only).
    expect(d.head).toEqual({ personId: head.id, name: "Lê Tiến Châu", title: "Bí thư Thành ủy" });
    expect(d.members).toEqual([
      { personId: null, name: "Ông Yamada Taro", title: "Khách mời, Hội hữu nghị Nhật – Việt" },
    ]);
    expect(
      await bad({ members: [{ personId: "no-such-person", name: "Ai đó" }] }, "delegation_person_not_found"),
    ).toMatch(/directory/);
    await bad({ head: { personId: "no-such-person", name: "Ai đó" } }, "delegation_person_not_found");
    const badMember = await admin.request("PATCH", `/api/delegations/${kobeId}`, {
      members: [{ personId: "no-such-person", name: "Ai đó" }],
    });
    expect(badMember.status, badMember.text).toBe(400);
    expect((badMember.body as { error: { code: string } }).error.code).toBe("delegation_person_not_found");
    const vi = await admin.request("POST", "/api/delegations", { ...kobe, countryCode: "XX" });
    expect((vi.body as { error: { message: string } }).error.message).toMatch(/Mã quốc gia/);

    const jump = await admin.request("POST", `/api/delegations/${kobeId}/status`, { status: "done" });
    expect(jump.status, jump.text).toBe(400);
    expect((jump.body as { error: { code: string } }).error.code).toBe("delegation_status_not_allowed");
    for (const status of ["approved", "in_progress", "done"]) {
      const step = await admin.request("POST", `/api/delegations/${kobeId}/status`, { status });
      expect(step.status, step.text).toBe(200);
    }
    // Done: the agreement signed in Kobe is now in the partners register, under a partner named as signed.
    const handed = await t.platform.services.db
      .selectFrom("partner_agreements as a")
      .innerJoin("partners as p", "p.id", "a.partner_id")
      .select(["a.title", "a.signed_on", "p.name_vi", "p.country"])
      .where("a.delegation_id", "=", kobeId)
      .execute();
    expect(handed).toEqual([
      {
        title: "Biên bản ghi nhớ hợp tác cảng biển",
        signed_on: "2024-04-10",
        name_vi: "Cảng Kobe",
        country: "Nhật Bản",
      },
    ]);
    const back = await admin.request("POST", `/api/delegations/${kobeId}/status`, { status: "cancelled" });
    expect((back.body as { error: { code: string } }).error.code).toBe("delegation_status_not_allowed");
  });

  it("lists with accent-free search and filters, lets the responsible unit's lead edit, others only read", async () => {
    const inbound = await admin.request("POST", "/api/delegations", {
      ...kobe,
      title: "Đoàn Tỉnh Gyeonggi (Hàn Quốc) thăm Hải Phòng",
      channel: "government",
      direction: "inbound",
      countryCode: "KR",
      partner: "Tỉnh Gyeonggi",
      startDate: "2025-06-02",
      endDate: "2025-06-04",
      agreements: [],
    });
    expect(inbound.status, inbound.text).toBe(201);
    const list = async (query: string) =>
      ((await member.request("GET", `/api/delegations?${query}`)).body as Page<DelegationListItem>).items.map(
        (i) => i.title,
      );
    expect(await list("q=nhat%20ban")).toEqual([kobe.title]);
    expect(await list("q=THANH%20UY")).toEqual([kobe.title]);
    // Words in any order, accents and case ignored.
    expect(await list("q=Nh%E1%BA%ADt%20th%C3%A0nh%20%E1%BB%A7y")).toEqual([kobe.title]);
    expect(await list("direction=inbound")).toEqual(["Đoàn Tỉnh Gyeonggi (Hàn Quốc) thăm Hải Phòng"]);
    expect(await list("year=2024&channel=party&status=done&country=jp")).toEqual([kobe.title]);
    expect(await list("year=2023")).toEqual([]);

    const edit = await member.request("PATCH", `/api/delegations/${kobeId}`, { level: "Cấp thành phố" });
    expect(edit.status, edit.text).toBe(200);
    expect((edit.body as DelegationDto).level).toBe("Cấp thành phố");
    const notTheirs = await outsider.request("PATCH", `/api/delegations/${kobeId}`, { level: "x" });
    expect(notTheirs.status).toBe(404);
    const create = await member.request("POST", "/api/delegations", kobe);
    expect(create.status).toBe(403);
    const seen = await outsider.request("GET", `/api/delegations/${kobeId}`);
    expect((seen.body as DelegationDto).canEdit).toBe(false);

    const audit = await admin.request("GET", `/api/audit?entityType=delegation&entityId=${kobeId}`);
    const actions = (audit.body as Page<{ action: string }>).items.map((e) => e.action);
    expect(actions.filter((a) => a === "update")).toHaveLength(4);
    expect(actions).toContain("create");
  });

  it("proposes monitoring items about the partner within the dates, and keeps the confirmed ones", async () => {
    const post = async (text: string, publishedAt: string) => {
      const r = await admin.request("POST", "/api/monitoring/items/manual", {
        text,
        title: text.slice(0, 60),
        publishedAt,
      });
      expect(r.status, r.text).toBe(201);
      return (r.body as { id: string }).id;
    };
    const during = await post(
      "Lãnh đạo Hải Phòng làm việc với thành phố Kobe về hợp tác cảng biển.",
      "2024-04-10T02:00:00Z",
    );
    const japan = await post(
      "Doanh nghiệp Nhật Bản quan tâm đầu tư vào khu kinh tế Hải Phòng.",
      "2024-04-14T02:00:00Z",
    );
    await post("Thành phố Kobe tổ chức lễ hội mùa xuân.", "2024-05-30T02:00:00Z");
    await post("Hải Phòng đón tàu du lịch quốc tế.", "2024-04-09T02:00:00Z");

    const coverage = await admin.request("GET", `/api/delegations/${kobeId}/coverage`);
    expect(coverage.status, coverage.text).toBe(200);
    expect((coverage.body as Coverage).proposed.map((i) => i.itemId).sort()).toEqual([during, japan].sort());

    const confirm = await admin.request("POST", `/api/delegations/${kobeId}/coverage`, {
      itemId: during,
      decision: "confirmed",
    });
    expect(confirm.status, confirm.text).toBe(200);
    const reject = await admin.request("POST", `/api/delegations/${kobeId}/coverage`, {
      itemId: japan,
      decision: "rejected",
    });
    const after = reject.body as Coverage;
    expect(after.confirmed.map((i) => i.itemId)).toEqual([during]);
    expect(after.rejected.map((i) => i.itemId)).toEqual([japan]);
    expect(after.proposed).toEqual([]);
    const byMember = await member.request("POST", `/api/delegations/${kobeId}/coverage`, {
      itemId: japan,
      decision: "confirmed",
    });
    expect(byMember.status).toBe(403);

    const list = await admin.request("GET", "/api/delegations?country=JP");
    expect((list.body as Page<DelegationListItem>).items[0]).toMatchObject({
      coverageCount: 1,
      memberCount: 2,
    });

    // A second decision on the same item replaces the first, and the journal says what it was.
    const changed = await admin.request("POST", `/api/delegations/${kobeId}/coverage`, {
      itemId: japan,
      decision: "confirmed",
    });
    expect(changed.status, changed.text).toBe(200);
    const now = changed.body as Coverage;
    expect(now.confirmed.map((i) => i.itemId).sort()).toEqual([during, japan].sort());
    expect(now.rejected).toEqual([]);
    const journal = await admin.request("GET", `/api/audit?entityType=delegation&entityId=${kobeId}`);
    const entries = (journal.body as Page<{ action: string; before: unknown; after: unknown }>).items;
    expect(entries.find((e) => e.action === "confirm_coverage" && e.before !== null)).toMatchObject({
      before: { itemId: japan, decision: "rejected" },
      after: { itemId: japan, decision: "confirmed" },
    });
  });

  it("states the period's figures in the committee's words and exports the list", async () => {
    const kind = t.platform.services.registers;
    expect(kind).toBeDefined();
    const { delegationsRegisterKind } = await import("../../src/modules/delegations/delegations.kind.js");
    const figures = await delegationsRegisterKind.figures(t.platform.services.db, {
      from: "2024-01-01",
      to: "2024-12-31",
    });
    expect(figures.sentences[0]).toBe("Trong kỳ, đã tổ chức 1 đoàn ra, đón 0 đoàn vào (Đảng: 1).");
    expect(figures.sentences).toContain("Các đoàn đã ký kết 1 văn bản thỏa thuận hợp tác.");
    expect(figures.sheet.rows).toHaveLength(1);

    const csv = await rawRequest(t.platform.app, "GET", "/api/delegations/export?format=csv&q=kobe", {
      headers: { cookie: admin.cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Nhật Bản");
    expect(csv.text).toContain("125-QĐ/TU");
    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: "/api/delegations/export?format=xlsx",
      headers: { cookie: admin.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe("Đoàn ra, đoàn vào");
    expect(sheet?.rowCount).toBe(3);
  });

  it("imports a sheet only when every row is good, and reports each bad row by its number", async () => {
    const sheet = async (rows: (string | Date)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Đoàn");
      ws.addRow([
        "Tên đoàn",
        "Loại",
        "Kênh",
        "Mã quốc gia",
        "Địa phương, tổ chức đối tác",
        "Từ ngày",
        "Đến ngày",
        "Lịch trình",
      ]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    };
    const before = (await admin.request("GET", "/api/delegations")).body as Page<DelegationListItem>;
    const bad = await admin.request(
      "POST",
      "/api/delegations/import",
      {
        filename: "doan.xlsx",
        contentBase64: await sheet([
          [
            "Đoàn Sở Du lịch dự hội chợ ITB Berlin",
            "Đoàn ra",
            "Chính quyền",
            "DE",
            "Berlin",
            "05/03/2025",
            "09/03/2025",
            "Berlin; Hamburg",
          ],
          [
            "Đoàn Quảng Tây thăm Hải Phòng",
            "Đoàn vào",
            "Đảng",
            "CN",
            "Quảng Tây",
            "2025-05-10",
            "2025-05-08",
            "",
          ],
          [
            "Đoàn thanh niên thăm Lào",
            "đoàn ra",
            "Đối ngoại nhân dân",
            "XX",
            "Viêng Chăn",
            "2025-07-01",
            "2025-07-03",
            "",
          ],
        ]),
      },
      { "accept-language": "en" },
    );
    expect(bad.status, bad.text).toBe(400);
    const error = (bad.body as { error: { code: string; details: { path: string }[] } }).error;
    expect(error.code).toBe("import_rows_invalid");
    expect(error.details.map((d) => d.path)).toEqual(["row 3 / Đến ngày", "row 4 / Mã quốc gia"]);
    expect(((await admin.request("GET", "/api/delegations")).body as Page<DelegationListItem>).total).toBe(
      before.total,
    );

    const good = await admin.request("POST", "/api/delegations/import", {
      filename: "doan.xlsx",
      contentBase64: await sheet([
        [
          "Đoàn Sở Du lịch dự hội chợ ITB Berlin",
          "Đoàn ra",
          "Chính quyền",
          "DE",
          "Berlin",
          "05/03/2025",
          "09/03/2025",
          "Berlin; Hamburg",
        ],
        [
          "Đoàn Quảng Tây thăm Hải Phòng",
          "Đoàn vào",
          "Đảng",
          "cn",
          "Quảng Tây",
          new Date(Date.UTC(2025, 4, 8)),
          new Date(Date.UTC(2025, 4, 10)),
          "",
        ],
      ]),
    });
    expect(good.status, good.text).toBe(200);
    expect(good.body).toEqual({ imported: 2 });
    const berlin = (await admin.request("GET", "/api/delegations?q=itb")).body as Page<DelegationListItem>;
    expect(berlin.items[0]).toMatchObject({
      countryName: "Đức",
      startDate: "2025-03-05",
      direction: "outbound",
    });
    expect(
      (await member.request("POST", "/api/delegations/import", { filename: "x.xlsx", contentBase64: "eA==" }))
        .status,
    ).toBe(403);
  });
});
