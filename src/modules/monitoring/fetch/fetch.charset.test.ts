import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetWarnings, decodeBody, detectCharset } from "./fetch.charset.js";

describe("charset detection", () => {
  it("prefers BOM, then header, then XML prolog, then meta", () => {
    expect(detectCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), "text/html; charset=iso-8859-1").source).toBe(
      "bom",
    );
    expect(detectCharset(Buffer.from("<meta charset=utf-8>"), "text/html; charset=ISO-8859-1")).toEqual({
      charset: "windows-1252",
      source: "header",
    });
    expect(detectCharset(Buffer.from('<?xml version="1.0" encoding="windows-1258"?><rss/>')).source).toBe(
      "xml-prolog",
    );
    expect(
      detectCharset(
        Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'),
      ).charset,
    ).toBe("windows-1258");
    expect(detectCharset(Buffer.from("plain")).source).toBe("default");
    expect(detectCharset(Buffer.from("x"), "text/html; charset=bogus-42").source).toBe("default");
  });

  it("decodes UTF-16 with BOM and normalises to NFC", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Hải Phòng", "utf16le")]);
    expect(decodeBody(utf16).text).toBe("Hải Phòng");
    const nfd = Buffer.from("Ha\u0309i Pho\u0300ng", "utf8");
    expect(decodeBody(nfd).text).toBe("Hải Phòng");
    expect(decodeBody(iconv.encode("café", "latin1"), "text/plain; charset=latin1").text).toBe("café");
  });

  it("reads UTF-32 byte-order marks and UTF-16 written without one (XML appendix F)", () => {
    const xml = '<?xml version="1.0"?><rss><channel><title>Hải Phòng</title></channel></rss>';
    const utf32be = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(xml, "utf-32be")]);
    expect(decodeBody(utf32be)).toMatchObject({ charset: { charset: "utf-32be", source: "bom" } });
    expect(decodeBody(utf32be).text).toBe(xml);
    const utf32le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(xml, "utf-32le")]);
    expect(decodeBody(utf32le).text).toBe(xml);
    expect(decodeBody(Buffer.from(xml, "utf16le")).text).toBe(xml);
    expect(detectCharset(iconv.encode(xml, "utf-16be")).charset).toBe("utf-16be");
  });

  it("reads GB2312 as its superset GB18030 and reports doubtful declarations", () => {
    expect(detectCharset(Buffer.from('<?xml version="1.0" encoding="gb2312"?><rss/>')).charset).toBe(
      "gb18030",
    );
    expect(
      charsetWarnings(Buffer.from('<?xml version="1.0" encoding="bogus"?><rss/>')).map((w) => w.code),
    ).toEqual(["charset_unknown"]);
    expect(charsetWarnings(Buffer.from("<rss/>"), "text/plain").map((w) => w.code)).toEqual([
      "content_type_not_xml",
    ]);
    expect(charsetWarnings(Buffer.from("<rss/>"), "application/rss+xml; charset=utf-8")).toEqual([]);
  });
});
