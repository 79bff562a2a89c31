import { describe, expect, it } from "vitest";
import {
  formatDocumentNumber,
  formatPlaceAndDate,
  formatShortDate,
  recipientLines,
  signatureLines,
} from "./docx.text.js";

describe("document text conventions", () => {
  it("writes Party numbers without a colon and State numbers with one", () => {
    expect(formatDocumentNumber("party", { seq: 15, typeCode: "BC", issuerCode: "BCĐ" })).toBe(
      "Số 15-BC/BCĐ",
    );
    expect(formatDocumentNumber("state", { seq: 15, typeCode: "BC", issuerCode: "UBND" })).toBe(
      "Số: 15/BC-UBND",
    );
    expect(formatDocumentNumber("party", { seq: "", typeCode: "CV", issuerCode: "BCĐ" })).toBe(
      "Số       -CV/BCĐ",
    );
  });

  it("pads days below 10 and months 1–2 with a zero", () => {
    expect(formatPlaceAndDate("Hải Phòng", "2024-03-13")).toBe("Hải Phòng, ngày 13 tháng 3 năm 2024");
    expect(formatPlaceAndDate("Hải Phòng", "2025-01-05")).toBe("Hải Phòng, ngày 05 tháng 01 năm 2025");
    expect(formatPlaceAndDate("Hải Phòng", "2024-12-31")).toBe("Hải Phòng, ngày 31 tháng 12 năm 2024");
    expect(formatShortDate("2024-06-30")).toBe("30/06/2024");
  });

  it("prefixes signatures per format: T/M, K/T (Party) and TM., KT. (State)", () => {
    const s = {
      onBehalfOf: "Ủy ban nhân dân",
      signFor: "Chủ tịch",
      titleLines: ["PHÓ CHỦ TỊCH"],
      name: "Hoàng Minh Cường",
    };
    expect(signatureLines("state", s)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(signatureLines("party", { ...s, signFor: null })).toEqual(["T/M ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH"]);
    expect(
      signatureLines("party", {
        titleLines: ["PHÓ BÍ THƯ", "kiêm", "TRƯỞNG BAN CHỈ ĐẠO"],
        name: "Đỗ Mạnh Hiến",
      }),
    ).toEqual(["PHÓ BÍ THƯ", "kiêm", "TRƯỞNG BAN CHỈ ĐẠO"]);
  });

  it("lists recipients with purposes, ending with a full stop", () => {
    expect(
      recipientLines([
        { name: "Ban Tuyên giáo Trung ương", purpose: "để báo cáo" },
        { name: "Lưu Văn phòng Thành ủy" },
      ]),
    ).toEqual(["- Ban Tuyên giáo Trung ương (để báo cáo),", "- Lưu Văn phòng Thành ủy."]);
  });
});

describe("names set into a sentence", () => {
  it("lowers a title printed in capitals and keeps proper names", async () => {
    const { inSentenceCase } = await import("./docx.text.js");
    expect(inSentenceCase("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024")).toBe("chương trình công tác năm 2024");
    expect(
      inSentenceCase("BAN CHỈ ĐẠO CÔNG TÁC THÔNG TIN ĐỐI NGOẠI THÀNH PHỐ HẢI PHÒNG", ["Hải Phòng"]),
    ).toBe("Ban Chỉ đạo công tác thông tin đối ngoại thành phố Hải Phòng");
    expect(inSentenceCase("Ban Chỉ đạo Công tác thông tin đối ngoại thành phố")).toBe(
      "Ban Chỉ đạo Công tác thông tin đối ngoại thành phố",
    );
  });
});
