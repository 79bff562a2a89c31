import { describe, expect, it } from "vitest";
import type { ParsedProgramme } from "./parsed-programme.schema.js";
import { defaultDecision, effectiveDecisions, reconcileParties } from "./reconcile.service.js";

const tf = { text: null, kind: "unspecified" as const };
const programme = (parties: ParsedProgramme["tasks"][number]["leads"]): ParsedProgramme => ({
  document: { system: "party", type: "Chương trình", number: "02-CTr/BCĐ", date: "2024-03-13", title: null },
  citations: [],
  sections: [{ ref: "II", heading: "NHIỆM VỤ CỤ THỂ" }],
  tasks: [
    { ref: "II.1", section: "II", text: "…", directing: [], leads: parties, coordinators: [], timeframe: tf },
  ],
  warnings: [],
});

const directory = {
  people: [
    { id: "p1", name: "Đỗ Mạnh Hiến", folded: ["do manh hien"] },
    { id: "p2", name: "Đào Khánh Hà", folded: ["dao khanh ha"] },
    { id: "p3", name: "Nguyễn Văn An", folded: ["nguyen van an"] },
    { id: "p4", name: "Nguyễn Văn Ân", folded: ["nguyen van an"] },
  ],
  units: [{ id: "u1", name: "Sở Ngoại vụ", folded: ["so ngoai vu", "sng"] }],
};

describe("reconcileParties", () => {
  it("links exact names whatever their case and marks, đ included", () => {
    const [e] = reconcileParties(programme([{ name: "ĐÀO KHANH HA", kind: "person" }]), directory);
    expect(e).toMatchObject({ status: "exact", candidates: [{ id: "p2" }] });
    expect(e && defaultDecision(e)).toEqual({ action: "link", id: "p2" });
  });

  it("proposes a near match for one letter apart and never links it on its own", () => {
    const [e] = reconcileParties(programme([{ name: "Đỗ Mạnh Hiếu", kind: "person" }]), directory);
    expect(e).toMatchObject({
      status: "near_match",
      candidates: [{ id: "p1", name: "Đỗ Mạnh Hiến", distance: 1 }],
    });
    expect(e && defaultDecision(e)).toEqual({ action: "keep_text" });
  });

  it("proposes unknown names as new, leaves groups as text, and flags namesakes as ambiguous", () => {
    const entries = reconcileParties(
      programme([
        { name: "Trần Thị Mới", kind: "person" },
        { name: "các thành viên Ban Chỉ đạo", kind: "group" },
        { name: "Nguyễn Văn An", kind: "person" },
        { name: "SNG", kind: "unit" },
      ]),
      directory,
    );
    expect(entries.map((e) => e.status)).toEqual(["new", "group", "ambiguous", "exact"]);
    expect(effectiveDecisions(entries, {})).toEqual({
      "person:tran thi moi": { action: "create" },
      "person:nguyen van an": { action: "keep_text" },
      "unit:sng": { action: "link", id: "u1" },
    });
  });
});
