/**
 * Bad input is refused with a typed error and a stable code; a strange but readable document is not.
 */
import { readFileSync } from "node:fs";
import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../../../test/fixtures/programmes/expectations.js";
import { isAppError } from "../../../platform/errors.js";
import { parseProgrammeFile, parseProgrammeText } from "../parser/index.js";
import { unicodeToTcvn3 } from "../parser/legacy-encoding.convert.js";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  return "no_error";
}

const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURES_DIR}${name}`));

/** A one-page PDF with no text at all, as a scanner without OCR would produce (objects written by hand). */
function pdfWithoutText(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    "<< /Length 23 >>\nstream\n0 0 1 rg 10 10 50 50 re f\nendstream",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe("bad input", () => {
  it("refuses an empty file", async () => {
    expect(await codeOf(parseProgrammeFile({ bytes: new Uint8Array(), filename: "a.txt" }))).toBe(
      "import_empty_file",
    );
    const blank = new TextEncoder().encode(" \n\n ");
    expect(await codeOf(parseProgrammeFile({ bytes: blank, filename: "a.txt" }))).toBe("import_empty_file");
  });

  it("refuses a file over the size limit given by configuration", async () => {
    const bytes = fixture("hai-phong-2024.txt");
    const result = parseProgrammeFile({ bytes, filename: "a.txt", limits: { maxBytes: 1000 } });
    expect(await codeOf(result)).toBe("import_file_too_large");
  });

  it("refuses a file whose content does not match its extension", async () => {
    expect(
      await codeOf(parseProgrammeFile({ bytes: fixture("state-plan-2024.pdf"), filename: "plan.docx" })),
    ).toBe("import_unsupported_type");
    expect(
      await codeOf(parseProgrammeFile({ bytes: fixture("task-table-2024.docx"), filename: "plan.pdf" })),
    ).toBe("import_unsupported_type");
    expect(
      await codeOf(parseProgrammeFile({ bytes: fixture("task-table-2024.docx"), filename: "plan.txt" })),
    ).toBe("import_unsupported_type");
    expect(
      await codeOf(parseProgrammeFile({ bytes: fixture("hai-phong-2024.txt"), filename: "plan.xlsx" })),
    ).toBe("import_unsupported_type");
  });

  it("refuses binary junk and damaged archives as unreadable", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await codeOf(parseProgrammeFile({ bytes: junk, filename: "plan.txt" }))).toBe(
      "import_unreadable_file",
    );
    const cut = fixture("task-table-2024.docx").slice(0, 2000);
    expect(await codeOf(parseProgrammeFile({ bytes: cut, filename: "plan.docx" }))).toBe(
      "import_unreadable_file",
    );
    const badPdf = new TextEncoder().encode("%PDF-1.4\nthis is not really a pdf");
    expect(await codeOf(parseProgrammeFile({ bytes: badPdf, filename: "plan.pdf" }))).toBe(
      "import_unreadable_file",
    );
  });

  it("refuses a Word zip bomb without inflating it", async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph("A".repeat(30_000_000))] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(bytes.length).toBeLessThan(1_000_000);
    const before = process.memoryUsage().rss;
    expect(await codeOf(parseProgrammeFile({ bytes, filename: "bomb.docx" }))).toBe("import_zip_bomb");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    const small = parseProgrammeFile({
      bytes: fixture("task-table-2024.docx"),
      filename: "t.docx",
      limits: { maxUncompressedBytes: 5_000 },
    });
    expect(await codeOf(small)).toBe("import_zip_bomb");
  }, 60_000);

  it("asks for OCR when a PDF has no text layer", async () => {
    expect(await codeOf(parseProgrammeFile({ bytes: pdfWithoutText(), filename: "scan.pdf" }))).toBe(
      "import_pdf_needs_ocr",
    );
  });

  it("refuses a PDF with more pages than allowed", async () => {
    const result = parseProgrammeFile({
      bytes: fixture("state-plan-2024.pdf"),
      filename: "p.pdf",
      limits: { maxPages: 1 },
    });
    expect(await codeOf(result)).toBe("import_too_many_pages");
  });

  it("refuses legacy-looking text that neither TCVN3 nor VNI reads", async () => {
    const garbled = "¸µ¶·¹ ®¬­ Ã¤Ê ðþ× ¿¾½ ¼»º ¹¸· ¶µ´ ³²± °¯® ­¬« ª©¨ §¦¥ ¤£¢ ¡ ßÞÝ ÜÛÚ".repeat(5);
    expect(() => parseProgrammeText(garbled)).toThrowError(
      expect.objectContaining({ code: "import_legacy_encoding_uncertain" }),
    );
  });

  it("reads TCVN3 bytes in a .txt file", async () => {
    const bytes = new Uint8Array(
      Buffer.from(unicodeToTcvn3("KẾ HOẠCH\n\nCăn cứ Nghị quyết số 10-NQ/TU của Thành ủy.\n"), "latin1"),
    );
    const { programme, extractedText } = await parseProgrammeFile({ bytes, filename: "old.txt" });
    expect(extractedText).toContain("Căn cứ Nghị quyết số 10-NQ/TU của Thành ủy.");
    expect(programme.citations[0]?.number).toBe("10-NQ/TU");
  });

  it("warns, not throws, when a readable document has no tasks", () => {
    const parsed = parseProgrammeText(
      "KẾ HOẠCH\nHọp mặt báo chí\n\nCăn cứ tình hình thực tế, tổ chức họp mặt.\n",
    );
    expect(parsed.tasks).toEqual([]);
    expect(parsed.warnings.map((w) => w.code)).toContain("no_tasks_found");
  });
});
