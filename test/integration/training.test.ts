/**
 * Training courses and award entries as the secretariat keeps them: courses with participants from the
 * directory and their attendance, materials stored and downloaded, bad dates and unknown people refused with
 * nothing changed; award entries filtered, exported and imported all-or-nothing; the report's figures;
 * members read but do not edit; every change audited.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardEntriesKind, trainingCoursesKind } from "../../src/modules/training/training.kind.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildSignedInUser, countRows } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface CourseDto {
  id: string;
  title: string;
  participants: number;
  attended: number;
  participantList: { personId: string; fullName: string; attended: boolean }[];
  materials: { id: string; title: string; fileName: string }[];
}

async function awardWorkbook(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Giải");
  ws.addRow(["Tác phẩm", "Tác giả", "Thể loại", "Lần", "Năm", "Ngày gửi", "Kết quả"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

describe.each(dialects())("training register on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let member: Client;
  let courseId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
  });
  afterAll(async () => t?.close());

  it("keeps a course with its participants from the directory and their attendance", async () => {
    const bad = await admin.request("POST", "/api/training/courses", {
      title: "Bồi dưỡng kỹ năng thông tin đối ngoại",
      startDate: "2025-06-12",
      endDate: "2025-06-10",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe("training_end_before_start");

    const created = await admin.request("POST", "/api/training/courses", {
      title: "Bồi dưỡng kỹ năng thông tin đối ngoại cho cán bộ cấp xã",
      startDate: "2025-06-10",
      endDate: "2025-06-12",
      location: "Trường Chính trị Tô Hiệu",
      topics: ["Tình hình thế giới và chính sách đối ngoại", "Kỹ năng phát ngôn với báo chí nước ngoài"],
      trainers: ["TS. Nguyễn Văn An"],
    });
    expect(created.status, created.text).toBe(201);
    courseId = (created.body as CourseDto).id;

    const a = await buildPerson(admin, { fullName: "Trần Thị Bình" });
    const b = await buildPerson(admin, { fullName: "Lê Văn Cường" });
    const before = await countRows(t.platform, ["training_participants"]);
    const unknown = await admin.request("POST", `/api/training/courses/${courseId}/participants`, {
      participants: [
        { personId: a.id, attended: true },
        { personId: "no-such-person", attended: true },
      ],
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { error: { code: string } }).error.code).toBe("training_person_not_found");
    expect(await countRows(t.platform, ["training_participants"])).toEqual(before);

    const set = await admin.request("POST", `/api/training/courses/${courseId}/participants`, {
      participants: [
        { personId: a.id, attended: true },
        { personId: b.id, attended: false },
      ],
    });
    expect(set.status, set.text).toBe(200);
    const course = set.body as CourseDto;
    expect([course.participants, course.attended]).toEqual([2, 1]);
    expect(course.participantList.map((p) => [p.fullName, p.attended])).toEqual([
      ["Lê Văn Cường", false],
      ["Trần Thị Bình", true],
    ]);

    const found = await member.request("GET", "/api/training/courses?q=PHAT%20NGON%20voi%20bao%20chi");
    expect((found.body as { items: CourseDto[] }).items.map((c) => c.id)).toEqual([courseId]);
    const refused = await member.request("POST", "/api/training/courses", {
      title: "X",
      startDate: "2025-01-01",
    });
    expect(refused.status).toBe(403);
  });

  it("stores course materials in the file store for download", async () => {
    const res = await admin.request("POST", `/api/training/courses/${courseId}/materials`, {
      title: "Tài liệu chuyên đề 1",
      filename: "chuyen-de-1.txt",
      contentBase64: Buffer.from("Chính sách đối ngoại của Đảng").toString("base64"),
    });
    expect(res.status, res.text).toBe(201);
    const material = (res.body as CourseDto).materials[0];
    expect(material).toMatchObject({ title: "Tài liệu chuyên đề 1", fileName: "chuyen-de-1.txt" });
    const file = await member.request("GET", `/api/training/courses/${courseId}/materials/${material?.id}`);
    expect(file.status).toBe(200);
    expect(file.text).toBe("Chính sách đối ngoại của Đảng");
    const audit = await admin.request("GET", "/api/audit?entityType=training_material");
    expect((audit.body as { items: unknown[] }).items.length).toBe(1);
  });

  it("keeps award entries, imported all or nothing, filtered and exported", async () => {
    const created = await admin.request("POST", "/api/training/awards", {
      title: "Hải Phòng – cửa ngõ ra biển",
      authors: "Nhóm phóng viên Đài PT-TH Hải Phòng",
      category: "television",
      round: "Lần thứ X",
      year: 2025,
      submittedOn: "2025-03-15",
      result: "a",
    });
    expect(created.status, created.text).toBe(201);

    const before = await countRows(t.platform, ["award_entries"]);
    const bad = await admin.request("POST", "/api/training/awards/import", {
      filename: "giai.xlsx",
      contentBase64: await awardWorkbook([
        [
          "Phượng đỏ trên đất Cảng",
          "Nguyễn Hoa",
          "Ảnh",
          "Lần thứ X",
          2025,
          "2025-03-20",
          "Giải Khuyến khích",
        ],
        ["Tác phẩm thiếu năm", "Phạm An", "Báo in", "Lần thứ X", "năm ngoái", null, null],
      ]),
    });
    expect(bad.status).toBe(400);
    const details = (bad.body as { error: { code: string; details: { path: string }[] } }).error;
    expect(details.code).toBe("import_rows_invalid");
    expect(details.details.map((d) => d.path)).toEqual(["row 3 / Năm / Year"]);
    expect(await countRows(t.platform, ["award_entries"])).toEqual(before);

    const good = await admin.request("POST", "/api/training/awards/import", {
      filename: "giai.xlsx",
      contentBase64: await awardWorkbook([
        [
          "Phượng đỏ trên đất Cảng",
          "Nguyễn Hoa",
          "Ảnh",
          "Lần thứ X",
          2025,
          "2025-03-20",
          "Giải Khuyến khích",
        ],
        ["Hải Phòng trong mắt bạn bè quốc tế", "Phạm An", "Bao in", "Lần thứ X", 2025, "2025-03-22", null],
      ]),
    });
    expect(good.status, good.text).toBe(200);
    expect(good.body).toEqual({ imported: 2 });

    const pending = await member.request("GET", "/api/training/awards?result=pending");
    expect((pending.body as { items: { title: string; category: string }[] }).items).toEqual([
      expect.objectContaining({ title: "Hải Phòng trong mắt bạn bè quốc tế", category: "press" }),
    ]);
    const csv = await member.request("GET", "/api/training/awards/export?format=csv&q=phuong%20do");
    expect(csv.text).toContain("Phượng đỏ trên đất Cảng");
    expect(csv.text).toContain("Giải Khuyến khích");
    expect(csv.text).not.toContain("cửa ngõ");
  });

  it("states the period's figures for the report", async () => {
    const db = t.platform.services.db;
    const period = { from: "2025-01-01", to: "2025-12-31" };
    expect((await trainingCoursesKind.figures(db, period)).sentences).toEqual([
      "Trong kỳ, tổ chức 1 lớp bồi dưỡng với 1 lượt học viên.",
    ]);
    const awards = await awardEntriesKind.figures(db, period);
    expect(awards.sentences).toEqual([
      "Trong kỳ, có 3 tác phẩm dự Giải thưởng toàn quốc về thông tin đối ngoại, 2 tác phẩm đạt giải (1 Giải A, 1 Giải Khuyến khích).",
    ]);
    expect(awards.sheet.rows).toHaveLength(3);
    const none = await trainingCoursesKind.figures(db, { from: "2024-01-01", to: "2024-12-31" });
    expect(none.sentences).toEqual(["Trong kỳ, chưa tổ chức lớp bồi dưỡng nào."]);
  });
});
