import { describe, expect, it } from "vitest";
import { joinLines } from "./page-layout.js";
import { readTable, type TableRowInput, tableHeader } from "./table-layout.js";

/** A row of words at the given x positions (one character ≈ 6 pt, 12 pt high). */
function row(y: number, cells: Array<[number, string]>): TableRowInput {
  const words = cells.flatMap(([x, text]) => {
    let at = x;
    return text.split(" ").map((t) => {
      const w = { text: t, x0: at, x1: at + t.length * 6, y0: y, y1: y + 12 };
      at = w.x1 + 4;
      return w;
    });
  });
  return { words, y0: y, y1: y + 12, h: 12 };
}

const COLUMNS = { tt: 60, content: 90, lead: 330, due: 450 };
const header = (y: number) =>
  row(y, [
    [62, "TT"],
    [150, "Nội dung"],
    [340, "Chủ trì"],
    [455, "Thời hạn"],
  ]);

describe("task tables from word positions", () => {
  it("recognises a task table's header and not an ordinary line", () => {
    expect(tableHeader(header(100))).not.toBeNull();
    expect(tableHeader(row(100, [[60, "Tổ chức hội nghị tổng kết công tác năm"]]))).toBeNull();
    expect(
      tableHeader(
        row(100, [
          [60, "TT"],
          [150, "Họ và tên"],
          [340, "Quê quán"],
        ]),
      ),
    ).toBeNull();
  });

  it("reads wrapped cells into their row and stops at the next heading", () => {
    const rows = [
      header(100),
      row(120, [
        [COLUMNS.tt, "1"],
        [COLUMNS.content, "Biên soạn tài liệu về thông tin"],
        [COLUMNS.lead, "Sở Ngoại vụ"],
        [COLUMNS.due, "Quý II"],
      ]),
      row(134, [
        [COLUMNS.content, "đối ngoại cho báo cáo viên."],
        [COLUMNS.due, "năm 2025"],
      ]),
      row(150, [
        [COLUMNS.tt, "2."],
        [COLUMNS.content, "Tọa đàm với doanh nghiệp."],
        [COLUMNS.lead, "Nguyễn Văn An"],
        [COLUMNS.due, "Tháng 6"],
      ]),
      row(190, [[60, "II. TỔ CHỨC THỰC HIỆN"]]),
    ];
    const read = readTable(rows, 0, joinLines);
    expect(read?.lines).toEqual([
      "| TT | Nội dung | Chủ trì | Thời hạn |",
      "| 1 | Biên soạn tài liệu về thông tin đối ngoại cho báo cáo viên. | Sở Ngoại vụ | Quý II năm 2025 |",
      "| 2 | Tọa đàm với doanh nghiệp. | Nguyễn Văn An | Tháng 6 |",
    ]);
    expect(read?.end).toBe(4);
  });

  it("continues a table on the next page and skips its repeated header", () => {
    const first = readTable(
      [
        header(100),
        row(120, [
          [COLUMNS.tt, "1"],
          [COLUMNS.content, "Nhiệm vụ thứ nhất."],
          [COLUMNS.lead, "Sở Du lịch"],
          [COLUMNS.due, "Quý I"],
        ]),
      ],
      0,
      joinLines,
    );
    expect(first).not.toBeNull();
    const next = readTable(
      [
        header(60),
        row(80, [
          [COLUMNS.tt, "2"],
          [COLUMNS.content, "Nhiệm vụ thứ hai."],
          [COLUMNS.lead, "Sở Công Thương"],
          [COLUMNS.due, "Quý III"],
        ]),
      ],
      0,
      joinLines,
      first?.columns ?? null,
    );
    expect(next?.lines).toEqual(["| 2 | Nhiệm vụ thứ hai. | Sở Công Thương | Quý III |"]);
  });
});
