import { describe, expect, it } from "vitest";
import { DEFAULT_MENTION_ALIASES, type MentionAlias } from "./mention.aliases.js";
import { detectMentions } from "./mention.detect.js";

const ids = (text: string) => detectMentions(text, DEFAULT_MENTION_ALIASES).map((m) => m.alias);

describe("detectMentions", () => {
  it("finds the city in many scripts with offsets into the input", () => {
    const text = "Hải Phòng, Haiphong, Haïphong, Hai Phong, 海防市, ハイフォン, 하이퐁은, в Хайфоне";
    const mentions = detectMentions(text, DEFAULT_MENTION_ALIASES);
    expect(mentions.map((m) => m.text)).toEqual([
      "Hải Phòng",
      "Haiphong",
      "Haïphong",
      "Hai Phong",
      "海防",
      "ハイフォン",
      "하이퐁",
      "Хайфоне",
    ]);
    for (const m of mentions) expect(text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
  });

  it("does not match Hai Phong inside other words", () => {
    expect(ids("Thai Phong restaurant and Khai Phong street; haiphongese")).toEqual([]);
  });

  it("counts 海防 only as the city, not as coastal defence", () => {
    expect(ids("加强海防建设，海防部队巡逻港口")).toEqual([]);
    expect(ids("越南北部城市海防的港口")).toEqual(["hai-phong"]);
    expect(ids("海防市政府")).toEqual(["hai-phong"]);
    expect(ids("海防是一个重要概念")).toEqual([]);
  });

  it("needs context for district names that are also people, kings or streets", () => {
    expect(ids("Thục Phán An Dương Vương xây thành Cổ Loa")).toEqual([]);
    expect(ids("trung tâm an dưỡng ở Đà Lạt")).toEqual([]);
    expect(ids("huyện An Dương khánh thành cầu mới")).toEqual(["an-duong"]);
    expect(ids("Ông Nguyễn Kiến An nhận giải")).toEqual([]);
    expect(ids("Kiến An, Hải Phòng")).toEqual(["kien-an", "hai-phong"]);
    expect(ids("phố Ngô Quyền, Hà Nội; vua Ngô Quyền")).toEqual([]);
    expect(ids("xã Hải An, huyện Hải Lăng, tỉnh Quảng Trị")).toEqual([]);
    expect(ids("Tien Lang district of Haiphong")).toEqual(["tien-lang", "hai-phong"]);
  });

  it("accepts unaccented writing but not different diacritics", () => {
    expect(ids("Cang hang khong Cat Bi")).toEqual(["cat-bi"]);
    expect(ids("Hài Phóng")).toEqual([]);
  });

  it("uses whatever alias table it is given (admins edit the data)", () => {
    const custom: MentionAlias[] = [
      { id: "lan-ha", name: "Vịnh Lan Hạ", kind: "landmark", terms: ["Lan Hạ"], rule: "always" },
    ];
    expect(detectMentions("Vịnh Lan Hạ đẹp", custom).map((m) => m.alias)).toEqual(["lan-ha"]);
    expect(detectMentions("Hải Phòng", custom)).toEqual([]);
  });
});
