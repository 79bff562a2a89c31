import { describe, expect, it } from "vitest";
import { matchTasks, textSimilarity } from "./task-matching.js";

const prev = (id: string, ref: string, text: string, leads = ["Sở Ngoại vụ"]) => ({
  id,
  ref,
  text,
  fields: { text, leads },
});
const next = (ref: string, text: string, leads = ["Sở Ngoại vụ"]) => ({ ref, text, fields: { text, leads } });

const TRAINING =
  "Tổ chức bồi dưỡng kiến thức mới, tập huấn kỹ năng, nghiệp vụ công tác thông tin đối ngoại năm 2024.";
const OVERSEAS =
  "Tiếp tục triển khai công tác thông tin đối ngoại đối với người Việt Nam ở nước ngoài; kết nối các hội người Hải Phòng.";
const RIGHTS = "Tham mưu tổ chức thông tin, truyền thông về bảo đảm và thúc đẩy quyền con người.";
const KOREAN = "Xây dựng chuyên trang thông tin bằng tiếng Hàn, tiếng Nhật trên Cổng Thông tin đối ngoại.";

describe("matchTasks", () => {
  const previous = [prev("a", "II.1", TRAINING), prev("b", "II.2", RIGHTS), prev("c", "II.3", OVERSEAS)];

  it("keeps the same task under the same number, finds a renumbered one by its text, and names the rest", () => {
    const result = matchTasks(previous, [
      next("II.1", TRAINING, ["Ban Tuyên giáo"]),
      next("II.2", OVERSEAS),
      next("II.3", KOREAN),
    ]);
    expect(result.matches.map((m) => [m.ref, m.previousRef, m.kind, m.reason])).toEqual([
      ["II.1", "II.1", "changed", "same_ref"],
      ["II.2", "II.3", "changed", "similar_text"],
      ["II.3", null, "new", null],
    ]);
    expect(result.matches[0]?.changedFields).toEqual(["leads"]);
    expect(result.matches[1]?.changedFields).toEqual(["ref"]);
    expect(result.removed.map((r) => r.ref)).toEqual(["II.2"]);
    expect(result.summary).toEqual({ kept: 0, changed: 2, new: 1, removed: 1 });
  });

  it("counts an identical re-import as all kept", () => {
    const result = matchTasks(
      previous,
      previous.map((p) => next(p.ref, p.text)),
    );
    expect(result.summary).toEqual({ kept: 3, changed: 0, new: 0, removed: 0 });
  });

  it("follows the reviewer: a link to any previous task, or none; one previous task carries on once", () => {
    const result = matchTasks(
      previous,
      [next("II.1", TRAINING), next("II.2", KOREAN), next("II.3", OVERSEAS)],
      {
        "II.2": "b",
        "II.3": null,
        "II.1": "b",
      },
    );
    const byRef = new Map(result.matches.map((m) => [m.ref, m]));
    // Document order: II.1 takes "b"; II.2's choice of the same task cannot hold (the API refuses it).
    expect(byRef.get("II.1")).toMatchObject({ previousId: "b", reason: "reviewer", kind: "changed" });
    expect(byRef.get("II.2")).toMatchObject({ previousId: null, kind: "new" });
    expect(byRef.get("II.3")).toMatchObject({ previousId: null, kind: "new", reason: "reviewer" });
    expect(result.removed.map((r) => r.id)).toEqual(["a", "c"]);
  });

  it("does not match different texts under the same number", () => {
    const result = matchTasks([prev("a", "II.1", TRAINING)], [next("II.1", KOREAN)]);
    expect(result.summary).toEqual({ kept: 0, changed: 0, new: 1, removed: 1 });
  });
});

describe("textSimilarity", () => {
  it("ignores accents and case, and tells different tasks apart", () => {
    expect(textSimilarity("Tổ chức TẬP HUẤN kỹ năng", "to chuc tap huan ky nang")).toBe(1);
    expect(textSimilarity(TRAINING, KOREAN)).toBeLessThan(0.3);
  });
});
