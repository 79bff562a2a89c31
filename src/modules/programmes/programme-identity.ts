/**
 * The identity of a document: folded issuer + number + date of issue. The same programme imported
 * twice (a re-scan, a corrected copy) has the same identity and becomes a new version.
 * @example programmeIdentityKey({ issuer: "Ban Chỉ đạo…", number: "02-CTr/BCĐ", date: "2024-03-13" })
 *   // "ban chi dao…|02-ctr/bcd|2024-03-13"
 */
import { foldVietnamese } from "../../shared/text/fold.js";

export function programmeIdentityKey(document: {
  issuer?: string | null | undefined;
  number: string | null;
  date: string | null;
}): string | null {
  if (!document.number || !document.date) return null;
  const number = foldVietnamese(document.number).replace(/\s+/g, "");
  return `${foldVietnamese(document.issuer ?? "")}|${number}|${document.date}`;
}
