import { describe, expect, it } from "vitest";
import { diffProgrammes } from "./import-diff.js";

describe("diffProgrammes", () => {
  it("lists document fields and tasks added, removed and changed by ref", () => {
    const diff = diffProgrammes(
      {
        document: { title: "CHƯƠNG TRÌNH", date: "2024-03-13" },
        tasks: [
          { ref: "II.1", fields: { text: "a", leads: ["X"] } },
          { ref: "II.2", fields: { text: "b" } },
          { ref: "II.3", fields: { text: "c" } },
        ],
      },
      {
        document: { title: "CHƯƠNG TRÌNH CÔNG TÁC", date: "2024-03-13" },
        tasks: [
          { ref: "II.1", fields: { text: "a", leads: ["Y"] } },
          { ref: "II.2", fields: { text: "b" } },
          { ref: "II.4", fields: { text: "d" } },
        ],
      },
    );
    expect(diff).toEqual({
      document: [{ field: "title", before: "CHƯƠNG TRÌNH", after: "CHƯƠNG TRÌNH CÔNG TÁC" }],
      tasks: {
        added: ["II.4"],
        removed: ["II.3"],
        changed: [{ ref: "II.1", changes: [{ field: "leads", before: ["X"], after: ["Y"] }] }],
        unchanged: 1,
      },
      hasChanges: true,
    });
  });
});
