/**
 * The directory as the secretariat uses it: units with parents and name history, people with
 * accent-insensitive search and paging, merging duplicates, committee terms, and the demo committee.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildUnit } from "../support/factories.js";
import { type Client, type InjectResult, signIn } from "../support/http.js";

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
interface Member {
  id: string;
  personId: string;
  personName: string;
  role: string;
  startDate: string;
  endDate: string | null;
}
const code = (res: InjectResult) => (res.body as { error: { code: string } }).error?.code;
const names = (res: InjectResult) => (res.body as Page<{ fullName: string }>).items.map((p) => p.fullName);

describe.each(dialects())("directory on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let committeeId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, demo: true });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const committees = (await admin.request("GET", "/api/committees")).body as { items: { id: string }[] };
    committeeId = committees.items[0]?.id ?? "";
  });
  afterAll(async () => t?.close());

  describe("units", () => {
    it("creates a unit under a parent and shows the parent's name", async () => {
      const parent = await buildUnit(admin, { name: "Sở Ngoại vụ Hải Phòng", type: "department" });
      const child = await buildUnit(admin, { name: "Phòng Thông tin đối ngoại", parentId: parent.id });
      expect(child).toMatchObject({ parentId: parent.id, parentName: "Sở Ngoại vụ Hải Phòng" });
      const children = await admin.request("GET", `/api/units?parentId=${parent.id}`);
      expect((children.body as Page<{ id: string }>).items.map((u) => u.id)).toEqual([child.id]);
      const missingParent = await admin.request("POST", "/api/units", {
        name: "Mồ côi",
        type: "other",
        parentId: "no-such-unit",
      });
      expect(missingParent.status).toBe(400);
      expect(code(missingParent)).toBe("unit_parent_not_found");
    });

    it("refuses a parent that would make a cycle", async () => {
      const a = await buildUnit(admin, { name: "Khối A" });
      const b = await buildUnit(admin, { name: "Khối B", parentId: a.id });
      const c = await buildUnit(admin, { name: "Khối C", parentId: b.id });
      for (const [id, parentId] of [
        [a.id, c.id],
        [a.id, a.id],
      ]) {
        const res = await admin.request("PATCH", `/api/units/${id}`, { parentId });
        expect(res.status).toBe(400);
        expect(code(res)).toBe("unit_parent_cycle");
      }
      const unchanged = await admin.request("GET", `/api/units/${a.id}`);
      expect((unchanged.body as { parentId: string | null }).parentId).toBeNull();
    });

    it("keeps every name a unit has had, and deactivation hides it from active lists", async () => {
      const unit = await buildUnit(admin, { name: "Phòng Báo chí", shortName: "PBC" });
      const renamed = await admin.request("PATCH", `/api/units/${unit.id}`, {
        name: "Phòng Báo chí - Xuất bản",
      });
      expect(renamed.status).toBe(200);
      const detail = (await admin.request("GET", `/api/units/${unit.id}`)).body as {
        name: string;
        nameHistory: { name: string; shortName: string | null }[];
      };
      expect(detail.name).toBe("Phòng Báo chí - Xuất bản");
      expect(detail.nameHistory.map((h) => h.name).sort()).toEqual([
        "Phòng Báo chí",
        "Phòng Báo chí - Xuất bản",
      ]);
      const activeTotal = async (isActive: boolean) =>
        ((await admin.request("GET", `/api/units?q=xuat ban&isActive=${isActive}`)).body as Page<unknown>)
          .total;
      expect(await activeTotal(true)).toBe(1);
      await admin.request("PATCH", `/api/units/${unit.id}`, { isActive: false });
      expect(await activeTotal(true)).toBe(0);
      expect(await activeTotal(false)).toBe(1);
      expect((await admin.request("GET", "/api/units/no-such-unit")).status).toBe(404);
    });
  });

  describe("people", () => {
    beforeAll(async () => {
      for (const fullName of ["Đỗ Thị Lan", "Nguyễn Văn Đông", "Phạm Minh Tuấn", "Vũ Thu Trang"])
        await buildPerson(admin, { fullName });
    });

    it("finds people whatever the accents and case", async () => {
      // "Đào Khánh Hà" is in the demo committee.
      expect(names(await admin.request("GET", `/api/people?q=${encodeURIComponent("dao khanh")}`))).toEqual([
        "Đào Khánh Hà",
      ]);
      expect(
        names(await admin.request("GET", `/api/people?q=${encodeURIComponent("ĐÀO KHÁNH HÀ")}`)),
      ).toEqual(["Đào Khánh Hà"]);
      const dos = names(await admin.request("GET", `/api/people?q=${encodeURIComponent("Đỗ")}`));
      expect(dos).toContain("Đỗ Thị Lan");
      expect(dos).toContain("Đỗ Mạnh Hiến");
      expect(dos).not.toContain("Phạm Minh Tuấn");
    });

    it("pages and sorts with the standard envelope", async () => {
      const all = (await admin.request("GET", "/api/people?pageSize=200&sort=fullName")).body as Page<{
        fullName: string;
      }>;
      expect(all.total).toBeGreaterThan(10);
      const res = await admin.request("GET", "/api/people?page=2&pageSize=3&sort=-fullName");
      const page = res.body as Page<{ fullName: string }>;
      expect(page).toMatchObject({ page: 2, pageSize: 3, total: all.total });
      expect(page.items.map((p) => p.fullName)).toEqual(
        all.items
          .map((p) => p.fullName)
          .reverse()
          .slice(3, 6),
      );
      const beyond = (await admin.request("GET", `/api/people?page=${all.total}&pageSize=3`))
        .body as Page<unknown>;
      expect(beyond).toMatchObject({ items: [], total: all.total });
    });

    it("creates and edits a person, keeping the name history", async () => {
      const unit = await buildUnit(admin, { name: "Báo Hải Phòng", type: "press" });
      const p = await buildPerson(admin, {
        fullName: "Lê Văn Cũ",
        email: "le.van@haiphong.gov.vn",
        unitId: unit.id,
      });
      const res = await admin.request("PATCH", `/api/people/${p.id}`, {
        fullName: "Lê Văn Mới",
        phone: "0225 3 842 000",
      });
      expect(res.body).toMatchObject({
        fullName: "Lê Văn Mới",
        phone: "0225 3 842 000",
        email: "le.van@haiphong.gov.vn",
        unitName: "Báo Hải Phòng",
      });
      const detail = (await admin.request("GET", `/api/people/${p.id}`)).body as {
        nameHistory: { name: string }[];
      };
      expect(detail.nameHistory.map((h) => h.name).sort()).toEqual(["Lê Văn Cũ", "Lê Văn Mới"]);
    });

    it("merges a duplicate: memberships move, the duplicate is marked, both are audited, and it cannot be merged twice", async () => {
      const survivor = await buildPerson(admin, { fullName: "Hoàng Văn Gộp" });
      const duplicate = await buildPerson(admin, { fullName: "Hoang Van Gop", phone: "0903 000 111" });
      const added = await admin.request("POST", `/api/committees/${committeeId}/members`, {
        personId: duplicate.id,
        role: "member",
        startDate: "2025-01-01",
      });
      expect(added.status).toBe(201);
      const merged = await admin.request("POST", `/api/people/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
      });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ id: survivor.id, phone: "0903 000 111", mergedIntoId: null });
      const members = (await admin.request("GET", `/api/committees/${committeeId}/members`)).body as {
        items: Member[];
      };
      const moved = members.items.find((m) => m.id === (added.body as Member).id);
      expect(moved).toMatchObject({ personId: survivor.id, personName: "Hoàng Văn Gộp" });
      expect(members.items.some((m) => m.personId === duplicate.id)).toBe(false);
      const dup = (await admin.request("GET", `/api/people/${duplicate.id}`)).body as {
        mergedIntoId: string;
        isActive: boolean;
      };
      expect(dup).toMatchObject({ mergedIntoId: survivor.id, isActive: false });
      expect(names(await admin.request("GET", "/api/people?q=gop"))).toEqual(["Hoàng Văn Gộp"]);
      expect(names(await admin.request("GET", "/api/people?q=gop&includeMerged=true")).sort()).toEqual([
        "Hoang Van Gop",
        "Hoàng Văn Gộp",
      ]);
      for (const [id, action] of [
        [survivor.id, "merge"],
        [duplicate.id, "merged_into"],
      ]) {
        const audit = (
          await admin.request("GET", `/api/audit?entityType=person&entityId=${id}&action=${action}`)
        ).body as Page<unknown>;
        expect(audit.total, `${action} audited`).toBe(1);
      }
      const again = await admin.request("POST", `/api/people/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
      });
      expect(again.status).toBe(409);
      expect(code(again)).toBe("person_already_merged");
      const self = await admin.request("POST", `/api/people/${survivor.id}/merge`, {
        duplicateId: survivor.id,
      });
      expect(code(self)).toBe("person_merge_self");
    });
  });

  describe("committee members", () => {
    it("adds, updates and ends a term, and filters by the date a term covers", async () => {
      const person = await buildPerson(admin, { fullName: "Bùi Thị Nhiệm Kỳ" });
      const add = await admin.request("POST", `/api/committees/${committeeId}/members`, {
        personId: person.id,
        role: "member",
        startDate: "2024-01-01",
      });
      expect(add.status).toBe(201);
      const member = add.body as Member;
      expect(member).toMatchObject({
        personName: "Bùi Thị Nhiệm Kỳ",
        role: "member",
        startDate: "2024-01-01",
        endDate: null,
      });
      const promoted = await admin.request("PATCH", `/api/committee-members/${member.id}`, {
        role: "deputy_head",
      });
      expect(promoted.body).toMatchObject({ role: "deputy_head" });
      const ended = await admin.request("PATCH", `/api/committee-members/${member.id}`, {
        endDate: "2024-12-31",
      });
      expect(ended.body).toMatchObject({ role: "deputy_head", endDate: "2024-12-31" });
      const during = (
        await admin.request("GET", `/api/committees/${committeeId}/members?activeOn=2024-06-01`)
      ).body as { items: Member[] };
      expect(during.items.map((m) => m.id)).toContain(member.id);
      const after = (await admin.request("GET", `/api/committees/${committeeId}/members?activeOn=2025-06-01`))
        .body as { items: Member[] };
      expect(after.items.map((m) => m.id)).not.toContain(member.id);
      expect(after.items.length).toBeGreaterThan(0);
      const bad = await admin.request("GET", `/api/committees/${committeeId}/members?activeOn=01-06-2025`);
      expect(bad.status).toBe(400);
    });

    it("refuses an end date before the start date", async () => {
      const person = await buildPerson(admin, { fullName: "Đinh Văn Ngày" });
      const create = await admin.request("POST", `/api/committees/${committeeId}/members`, {
        personId: person.id,
        role: "member",
        startDate: "2025-05-01",
        endDate: "2025-04-30",
      });
      expect(create.status).toBe(400);
      expect(code(create)).toBe("validation_failed");
      const ok = (
        await admin.request("POST", `/api/committees/${committeeId}/members`, {
          personId: person.id,
          role: "member",
          startDate: "2025-05-01",
        })
      ).body as Member;
      const update = await admin.request("PATCH", `/api/committee-members/${ok.id}`, {
        endDate: "2025-04-30",
      });
      expect(update.status).toBe(400);
      expect(code(update)).toBe("committee_member_dates");
      const unknownPerson = await admin.request("POST", `/api/committees/${committeeId}/members`, {
        personId: "no-such-person",
        role: "member",
        startDate: "2025-05-01",
      });
      expect(unknownPerson.status).toBe(404);
    });

    it("seeds the demo committee with Đỗ Mạnh Hiến as head", async () => {
      const res = (await admin.request("GET", `/api/committees/${committeeId}/members`)).body as {
        items: Member[];
      };
      expect(res.items[0]).toMatchObject({ personName: "Đỗ Mạnh Hiến", role: "head", endDate: null });
      expect(res.items.filter((m) => m.role === "head")).toHaveLength(1);
    });

    it("creates a committee (a fresh install without demo data has none) and audits it", async () => {
      const created = await admin.request("POST", "/api/committees", {
        name: "Ban Chỉ đạo TTĐN tỉnh thử",
        shortName: "BCĐ",
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const list = (await admin.request("GET", "/api/committees")).body as { items: { id: string }[] };
      expect(list.items.map((c) => c.id)).toContain(id);
      const journal = (await admin.request("GET", `/api/audit?entityType=committee&entityId=${id}`)).body as {
        total: number;
      };
      expect(journal.total).toBe(1);
      expect((await admin.request("POST", "/api/committees", { name: "" })).status).toBe(400);
    });
  });
});
