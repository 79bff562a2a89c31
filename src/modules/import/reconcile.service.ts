/**
 * Name reconciliation: every party of a parsed programme against the directory.
 *
 * - exact (case-, accent- and đ-insensitive) → linked;
 * - unknown → proposed as a NEW person or unit;
 * - near (edit distance 1–2 on the folded name, e.g. "Đỗ Mạnh Hiếu" vs "Đỗ Mạnh Hiến") → the reviewer
 *   decides; never silently merged or split;
 * - groups ("các thành viên Ban Chỉ đạo", "Tổ Giúp việc") are not people and stay text.
 */
import { foldVietnamese } from "../../shared/text/fold.js";
import { editDistance } from "../../shared/text/similarity.js";
import type { PartyKind, PartyRole } from "../programmes/programmes.tables.js";
import type { DirectoryName } from "./import.repository.js";
import { type ParsedProgramme, taskParties } from "./parsed-programme.schema.js";

export type ReconciliationStatus = "exact" | "near_match" | "new" | "ambiguous" | "group";

export interface Candidate {
  id: string;
  name: string;
  /** Edit distance between folded names (0 for an exact match). */
  distance: number;
}

export interface ReconciliationEntry {
  /** `person:do manh hieu` — stable across edits that keep the name. */
  key: string;
  name: string;
  kind: PartyKind;
  status: ReconciliationStatus;
  candidates: Candidate[];
  occurrences: { taskRef: string; role: PartyRole }[];
}

export type Decision = { action: "link"; id: string } | { action: "create" } | { action: "keep_text" };

/** The reconciliation key of a party. */
export const partyKey = (kind: PartyKind, name: string) => `${kind}:${foldVietnamese(name)}`;

/** Short names tolerate one edit only: two edits in "ha anh" is another person. */
const maxDistanceFor = (folded: string) => (folded.length < 10 ? 1 : 2);

function classify(
  name: string,
  directory: DirectoryName[],
): Pick<ReconciliationEntry, "status" | "candidates"> {
  const folded = foldVietnamese(name);
  const exact = directory.filter((d) => d.folded.includes(folded));
  if (exact.length === 1) {
    const [only] = exact;
    return { status: "exact", candidates: only ? [{ id: only.id, name: only.name, distance: 0 }] : [] };
  }
  if (exact.length > 1) {
    return { status: "ambiguous", candidates: exact.map((d) => ({ id: d.id, name: d.name, distance: 0 })) };
  }
  const max = maxDistanceFor(folded);
  const near: Candidate[] = [];
  for (const d of directory) {
    const distance = Math.min(
      ...d.folded.map((f) => (Math.abs(f.length - folded.length) > max ? max + 1 : editDistance(folded, f))),
    );
    if (distance >= 1 && distance <= max) near.push({ id: d.id, name: d.name, distance });
  }
  near.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name, "vi"));
  return near.length
    ? { status: "near_match", candidates: near.slice(0, 5) }
    : { status: "new", candidates: [] };
}

/** Reconciles every party of the programme against the directory's people and units. */
export function reconcileParties(
  parsed: ParsedProgramme,
  directory: { people: DirectoryName[]; units: DirectoryName[] },
): ReconciliationEntry[] {
  const entries = new Map<string, ReconciliationEntry>();
  for (const task of parsed.tasks) {
    for (const { role, party } of taskParties(task)) {
      const key = partyKey(party.kind, party.name);
      let entry = entries.get(key);
      if (!entry) {
        const found =
          party.kind === "group"
            ? { status: "group" as const, candidates: [] }
            : classify(party.name, party.kind === "person" ? directory.people : directory.units);
        entry = { key, name: party.name, kind: party.kind, ...found, occurrences: [] };
        entries.set(key, entry);
      }
      entry.occurrences.push({ taskRef: task.ref, role });
    }
  }
  return [...entries.values()];
}

/** What happens to an entry nobody decided on: exact links, new creates, anything doubtful stays text. */
export function defaultDecision(entry: ReconciliationEntry): Decision {
  if (entry.status === "exact" && entry.candidates[0]) return { action: "link", id: entry.candidates[0].id };
  if (entry.status === "new") return { action: "create" };
  return { action: "keep_text" };
}

/** The reviewer's decisions completed with defaults; decisions for names no longer present are dropped. */
export function effectiveDecisions(
  entries: ReconciliationEntry[],
  decided: Record<string, Decision>,
): Record<string, Decision> {
  const out: Record<string, Decision> = {};
  for (const entry of entries) {
    if (entry.kind === "group") continue;
    out[entry.key] = decided[entry.key] ?? defaultDecision(entry);
  }
  return out;
}
