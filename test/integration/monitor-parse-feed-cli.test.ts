/** `haidang monitor parse-feed FILE --json`: a saved feed read as the fetcher reads it, writing nothing. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "haidang-parse-feed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// No data directory: a command that tried to open the database or write would fail.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, HAIDANG_DATA_DIR: "/nonexistent/haidang" };

function save(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

interface Out {
  format: string;
  charset: { charset: string; source: string };
  meta: { title: string };
  items: { title: string; url: string; publishedAt: string | null; summary: string | null }[];
  warnings: { code: string; message: string }[];
}

async function parse(file: string) {
  const r = await runCli(["monitor", "parse-feed", file, "--json"], env);
  return { ...r, out: r.code === 0 ? (JSON.parse(r.stdout) as Out) : null };
}

describe("monitor parse-feed", () => {
  it("decodes windows-1258 with combining tone marks (XML declaration) to NFC", async () => {
    // Windows-1258 writes most tones as a base letter plus a combining mark: "Ha\u0309i Pho\u0300ng".
    const xml = `<?xml version="1.0" encoding="windows-1258"?>
<rss version="2.0"><channel><title>Ba\u0301o Ha\u0309i Pho\u0300ng</title>
<item><title>Đô\u0300 Sơn đo\u0301n kha\u0301ch</title><link>https://baohaiphong.vn/a</link>
<pubDate>Tue, 12 Mar 2024 07:30:00 +0700</pubDate><description>Ca\u0309ng Lạch Huyện</description></item>
</channel></rss>`;
    const bytes = iconv.encode(xml.replace("Lạch Huyện", "La\u0323ch Huyê\u0323n"), "windows-1258");
    expect(bytes.includes(0xd2)).toBe(true); // the combining hook above, as windows-1258 stores it
    const { code, stderr, out } = await parse(save("cp1258.xml", bytes));
    expect(code, stderr).toBe(0);
    expect(out?.charset).toEqual({ charset: "windows-1258", source: "xml-prolog" });
    expect(out?.meta.title).toBe("Báo Hải Phòng");
    expect(out?.items).toEqual([
      expect.objectContaining({
        title: "Đồ Sơn đón khách",
        url: "https://baohaiphong.vn/a",
        publishedAt: "2024-03-12T00:30:00.000Z",
        summary: "Cảng Lạch Huyện",
      }),
    ]);
    expect(out?.items[0]?.title).toBe("Đồ Sơn đón khách".normalize("NFC"));
    expect(out?.warnings).toEqual([]);
  });

  it("follows byte-order marks (UTF-16, UTF-8) over a wrong declaration", async () => {
    const atom = `<?xml version="1.0" encoding="iso-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Thời sự</title><entry><title>Hải Phòng</title><id>a1</id><link href="https://x.vn/1"/></entry></feed>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(atom, "utf16le")]);
    const r16 = await parse(save("utf16.xml", utf16));
    expect(r16.code, r16.stderr).toBe(0);
    expect(r16.out).toMatchObject({ format: "atom", charset: { charset: "utf-16le", source: "bom" } });
    expect(r16.out?.items[0]?.title).toBe("Hải Phòng");
    const r8 = await parse(
      save("utf8bom.xml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(atom)])),
    );
    expect(r8.out?.meta.title).toBe("Thời sự");
  });

  it("reads a truncated feed as far as it goes and says so in warnings", async () => {
    const { code, out } = await parse(
      save(
        "cut.xml",
        `<rss version="2.0"><channel><title>T</title><item><title>Một</title><link>https://x.vn/1</link></item><item><title>Hai</title><description><p>Đang <b>dở`,
      ),
    );
    expect(code).toBe(0);
    expect(out?.items.map((i) => i.title)).toEqual(["Một", "Hai"]);
    expect(out?.warnings.map((w) => w.code)).toContain("xml_malformed");
  });

  it("exits 2 with one line code: message when nothing can be read, and writes nothing", async () => {
    const before = readdirSync(dir).sort();
    const garbage = await parse(save("garbage.xml", "\u0000\u0001 không phải feed <<<"));
    expect(garbage.code).toBe(2);
    expect(garbage.stdout).toBe("");
    expect(garbage.stderr.trim().split("\n")).toHaveLength(1);
    expect(garbage.stderr).toMatch(/^feed_malformed: /);
    const bomb = await parse(
      save("bomb.xml", `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>`),
    );
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/^feed_entity_expansion: /);
    const missing = await parse(path.join(dir, "does-not-exist.xml"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^monitoring_file_unreadable: /);
    expect(readdirSync(dir).sort()).toEqual([...before, "bomb.xml", "garbage.xml"].sort());
  });
});
