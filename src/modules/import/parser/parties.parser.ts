/**
 * Reads who does a task: "Đồng chí A, B, C chủ trì; các thành viên Ban Chỉ đạo ở các sở, ngành thành phố
 * phối hợp". A party is a person ("Đồng chí …", name kept without the title), a unit ("Sở Ngoại vụ") or a
 * group phrase ("các thành viên Ban Chỉ đạo", "Tổ Giúp việc").
 */
import type { Party } from "./parsed-programme.types.js";
import { looksLikePersonName, opensWithUnitWord } from "./party-kind.js";

const PERSON_TITLE = /^(?:các\s+)?(?:đồng chí|đ\/c|đ\.c)\s+/iu;
const GROUP_START = /^(?:các|những|tất cả|toàn thể|thành viên|tổ|nhóm)\s/iu;
const QUALIFIER = /\s((?:ở|tại|thuộc)\s.+)$/u;

export type PartyRole = "leads" | "coordinators";

export interface RoleSegment {
  role: PartyRole | null;
  parties: Party[];
}

/**
 * Splits one list of parties. Commas separate parties, except where the next piece starts in lower case
 * ("UBND các quận, huyện"), which continues the previous name.
 */
export function parseParties(text: string): Party[] {
  const cleaned = text
    .replace(/<br>/g, "; ")
    .trim()
    .replace(/^[-–+•]\s*/, "")
    .replace(/[.;,]+$/, "")
    .trim();
  if (cleaned === "") return [];
  const out: Party[] = [];
  for (const chunk of cleaned.split(/\s*;\s*|\n+/)) {
    const piece = chunk.trim().replace(/^[-–+•]\s*/, "");
    if (piece === "") continue;
    if (PERSON_TITLE.test(piece)) {
      const names = piece.replace(PERSON_TITLE, "").split(/\s*,\s*|\s+và\s+/u);
      for (const name of names) {
        const clean = name.replace(PERSON_TITLE, "").trim();
        if (clean) out.push({ name: clean, kind: "person" });
      }
      continue;
    }
    if (GROUP_START.test(piece)) {
      out.push(group(piece));
      continue;
    }
    for (const name of joinLowerCasePieces(piece.split(/\s*,\s*/))) {
      out.push(GROUP_START.test(name) ? group(name) : { name, kind: "unit" });
    }
  }
  return out;
}

function group(phrase: string): Party {
  const q = QUALIFIER.exec(phrase);
  if (!q?.[1]) return { name: phrase, kind: "group" };
  return { name: phrase.slice(0, q.index).trim(), kind: "group", qualifier: q[1].trim() };
}

function joinLowerCasePieces(pieces: string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const p = piece.trim();
    if (p === "") continue;
    const last = out.length - 1;
    const previous = out[last];
    if (previous !== undefined && (/^\p{Ll}/u.test(p) || continuesUnitName(previous, p)))
      out[last] = `${previous}, ${p}`;
    else out.push(p);
  }
  return out;
}

/**
 * "Sở Văn hóa, Thể thao và Du lịch" is one body: after a unit name, a piece that opens with no unit word,
 * is no person's name and joins its own words with "và" continues the name.
 */
function continuesUnitName(previous: string, piece: string): boolean {
  return (
    opensWithUnitWord(previous) &&
    !/\svà\s/u.test(previous) &&
    /\svà\s/u.test(piece) &&
    !piece.split(/\s+và\s+/u).some((part) => opensWithUnitWord(part) || looksLikePersonName(part))
  );
}

const ROLE_SUFFIX = /\s+(chủ trì|phối hợp)(?:\s+thực hiện)?$/iu;
const LEAD_THEN_WITH = /^(.*?)\s+chủ trì,?\s+phối hợp với\s+(.+)$/iu;

/**
 * Reads a "Tổ chức thực hiện" value: segments separated by ";" each end with their role ("… chủ trì",
 * "… phối hợp"). A segment without a role gets `role: null`; the caller decides and warns.
 */
export function parseRoleSegments(text: string): RoleSegment[] {
  const out: RoleSegment[] = [];
  const body = text.trim().replace(/[.]+$/, "");
  for (const raw of body.split(/\s*;\s*/)) {
    const seg = raw.trim();
    if (seg === "") continue;
    const both = LEAD_THEN_WITH.exec(seg);
    if (both?.[1] && both[2]) {
      out.push({ role: "leads", parties: parseParties(both[1]) });
      out.push({ role: "coordinators", parties: parseParties(both[2]) });
      continue;
    }
    const role = ROLE_SUFFIX.exec(seg);
    if (role?.[1]) {
      const kind: PartyRole = role[1].toLowerCase() === "chủ trì" ? "leads" : "coordinators";
      out.push({ role: kind, parties: parseParties(seg.slice(0, role.index)) });
    } else {
      out.push({ role: null, parties: parseParties(seg) });
    }
  }
  return out;
}
