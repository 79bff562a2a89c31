/** Person or unit, for names written without "Đồng chí" (task table cells). */
import { describe, expect, it } from "vitest";
import { parseProgrammeText } from "./index.js";
import { parseParties } from "./parties.parser.js";
import { looksLikePersonName, type PartyDirectory, partyKindOf } from "./party-kind.js";

const PEOPLE = [
  "Trần Văn Bình",
  "Lê Thị Thu Hà",
  "Nguyễn Hoàng Phúc",
  "Phạm Minh Khôi",
  "Võ Thị Ngọc Lan",
  "Đặng Quốc Việt",
  "Hoàng Nam",
  "Bùi Đình Long",
  "Đoàn Văn Hậu",
  "Lương Thị Mai",
  "Hồ Sỹ Dũng",
  "Ngô Bảo Châu",
  "Huỳnh Tấn Phát",
  "Dương Thu Hương",
  "Trịnh Đình Dũng",
];
const UNITS = [
  "Sở Ngoại vụ",
  "Ban Tuyên giáo Tỉnh ủy",
  "Ủy ban nhân dân tỉnh",
  "UBND huyện Kỳ Sơn",
  "Báo Nghệ An",
  "Đài Phát thanh và Truyền hình tỉnh",
  "Hội Doanh nghiệp thành phố",
  "Công an tỉnh",
  "Bộ Chỉ huy Quân sự tỉnh",
  "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
  "Quận ủy Lê Chân",
  "Huyện ủy Tương Dương",
  "Phòng Văn hóa và Thông tin",
  "Trung tâm Văn hóa - Thể thao",
  "Văn phòng Tỉnh ủy",
  "Trường Chính trị tỉnh",
  "Hội Liên hiệp Phụ nữ",
  "Đoàn Thanh niên",
  "Mặt trận Tổ quốc",
];

describe("person or unit by the shape of the name", () => {
  it.each(PEOPLE)("%s is a person", (name) => {
    expect(looksLikePersonName(name)).toBe(true);
    expect(partyKindOf(name)).toBe("person");
  });
  it.each(UNITS)("%s is a unit", (name) => {
    expect(looksLikePersonName(name)).toBe(false);
    expect(partyKindOf(name)).toBe("unit");
  });
  it.each(["Nguyễn", "Nguyễn Văn An Bình Minh", "nguyễn văn an", "Xiêng Khoảng", "Kim Liên Phường"])(
    "%s is not a personal name",
    (name) => expect(looksLikePersonName(name)).toBe(false),
  );
});

describe("the directory decides first", () => {
  const directory: PartyDirectory = {
    kindOf: (name) => (name === "Lê Lợi" ? "unit" : name === "Thạch Sanh Khánh" ? "person" : null),
  };
  it("a name the directory holds as a unit stays a unit, though shaped like a person", () => {
    expect(partyKindOf("Lê Lợi", directory)).toBe("unit");
    expect(partyKindOf("Lê Lợi")).toBe("person");
  });
  it("a person the directory holds is a person", () => {
    expect(partyKindOf("Thạch Sanh Khánh", directory)).toBe("person");
  });
});

describe("in a task table", () => {
  const text = [
    "KẾ HOẠCH",
    "Tuyên truyền năm 2025",
    "",
    "I. NHIỆM VỤ",
    "",
    "| TT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Thời gian |",
    "|---|---|---|---|---|",
    "| 1 | Biên soạn tài liệu. | Trần Văn Bình | Phòng Văn hóa và Thông tin; Lê Thị Hoa | Quý II/2025 |",
    "| 2 | Tổ chức tọa đàm. | Sở Ngoại vụ | Sở Văn hóa, Thể thao và Du lịch, Báo Nghệ An | Tháng 6/2025 |",
  ].join("\n");
  it("names people without 'Đồng chí' as people, units as units", () => {
    const { tasks } = parseProgrammeText(text);
    expect(tasks[0]?.leads).toEqual([{ name: "Trần Văn Bình", kind: "person" }]);
    expect(tasks[0]?.coordinators).toEqual([
      { name: "Phòng Văn hóa và Thông tin", kind: "unit" },
      { name: "Lê Thị Hoa", kind: "person" },
    ]);
    expect(tasks[1]?.coordinators.map((p) => p.name)).toEqual([
      "Sở Văn hóa, Thể thao và Du lịch",
      "Báo Nghệ An",
    ]);
  });
  it("uses the directory passed to the parser", () => {
    const { tasks } = parseProgrammeText(text, {
      directory: { kindOf: (n) => (n === "Trần Văn Bình" ? "unit" : null) },
    });
    expect(tasks[0]?.leads[0]?.kind).toBe("unit");
  });
});

describe("lists of units", () => {
  it("keeps 'Sở Văn hóa, Thể thao và Du lịch' whole but splits ordinary lists", () => {
    expect(parseParties("Sở Ngoại vụ, Sở Văn hóa, Thể thao và Du lịch").map((p) => p.name)).toEqual([
      "Sở Ngoại vụ",
      "Sở Văn hóa, Thể thao và Du lịch",
    ]);
    expect(parseParties("Sở Ngoại vụ, Báo Quảng Trị, Đài Phát thanh - Truyền hình Quảng Trị").length).toBe(3);
    expect(parseParties("Hội Doanh nghiệp, Nguyễn Văn Hòa và Lê Thị Lan")[0]?.name).toBe("Hội Doanh nghiệp");
  });
});
