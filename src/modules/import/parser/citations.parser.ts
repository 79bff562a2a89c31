/**
 * Finds every cited document ("Nghị quyết số 10-NQ/TU, ngày 01/12/2023 của Thành ủy") in the opening
 * paragraph, task texts and footnotes, deduplicated by kind and number. A later mention fills in the date or
 * issuer an earlier, shorter mention left out.
 */
import { findDate } from "./dates.parse.js";
import type { Citation } from "./parsed-programme.types.js";

const KINDS = [
  "Nghị quyết liên tịch",
  "Nghị quyết",
  "Chỉ thị",
  "Kết luận",
  "Hướng dẫn",
  "Quyết định",
  "Kế hoạch",
  "Chương trình hành động",
  "Chương trình",
  "Nghị định",
  "Thông tư liên tịch",
  "Thông tư",
  "Công văn",
  "Quy chế",
  "Quy định",
  "Thông báo",
  "Đề án",
  "Pháp lệnh",
];
const NUMBER = String.raw`\d+(?:\/\d{4})?(?:[-/][\p{L}\d]+)+`;
const DATE = String.raw`\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}`;
const ISSUER_STOP = String.raw`(?=\s(?:về|thực hiện|triển khai|phê duyệt|ban hành|quy định|hướng dẫn|tại|trong|đối với|nhằm|với|là|và)(?:\s|$)|\s*[;,.:"'()]|$)`;
/** Either initial case ("theo kế hoạch số …"); no `i` flag, because `\p{Lu}` must stay upper case. */
const KIND_ALTERNATIVES = KINDS.map((k) => `[${k.charAt(0)}${k.charAt(0).toLowerCase()}]${k.slice(1)}`).join(
  "|",
);
const CITATION = new RegExp(
  String.raw`(?<![\p{L}])(${KIND_ALTERNATIVES})\s+số\s+(${NUMBER})(?:\s*,?\s*ngày\s+(${DATE}))?(?:\s*,?\s*(?:của|do)\s+(\p{Lu}[^;,.:"'()\n]*?)${ISSUER_STOP})?`,
  "gu",
);
const LAW =
  /(?<![\p{L}])Luật\s+(\p{Lu}[^,;.()\n]*?)(?=\s+(?:ngày|năm|số|và)\s|[,;.()]|$)(?:\s+ngày\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}))?/gu;

/** A text with where it stands, in document order. */
export interface CitableText {
  text: string;
  line: number;
}

/** Collects citations from texts given in document order. */
export function findCitations(texts: CitableText[]): Citation[] {
  const byKey = new Map<string, Citation>();
  const add = (c: Citation) => {
    const key = `${c.kind.toLowerCase()}|${c.number ?? c.text.toLowerCase()}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, c);
    else {
      seen.date ??= c.date;
      seen.issuer ??= c.issuer;
    }
  };
  for (const { text: raw } of texts) {
    const text = raw.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, "");
    const found: Array<{ at: number; citation: Citation }> = [];
    for (const m of text.matchAll(CITATION)) {
      const kindRaw = m[1] ?? "";
      const kind = kindRaw.charAt(0).toUpperCase() + kindRaw.slice(1).toLowerCase();
      const issuer = m[4] ? m[4].replace(/\s+kh(?:óa|oá|oa)\s+[IVXLC\d]+$/u, "").trim() : null;
      found.push({
        at: m.index ?? 0,
        citation: {
          kind: KINDS.find((k) => k.toLowerCase() === kind.toLowerCase()) ?? kind,
          number: m[2] ?? null,
          date: m[3] ? findDate(m[3].includes("tháng") ? `ngày ${m[3]}` : m[3]) : null,
          issuer: issuer && issuer !== "" ? issuer : null,
          text: m[0].trim(),
        },
      });
    }
    for (const m of text.matchAll(LAW)) {
      found.push({
        at: m.index ?? 0,
        citation: {
          kind: "Luật",
          number: null,
          date: m[2] ? findDate(m[2].includes("tháng") ? `ngày ${m[2]}` : m[2]) : null,
          issuer: null,
          text: m[0].trim(),
        },
      });
    }
    for (const f of found.sort((a, b) => a.at - b.at)) add(f.citation);
  }
  return [...byKey.values()];
}
