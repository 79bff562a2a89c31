/**
 * Word-level differences between two texts (longest common subsequence), for the revision diff and for
 * showing a translator what changed in the source. CJK characters count as words of their own.
 */
export interface DiffPart {
  op: "equal" | "insert" | "delete";
  text: string;
}

const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;
/** Beyond this many cells the texts are shown as replaced whole, to bound the work. */
const MAX_CELLS = 4_000_000;

function push(parts: DiffPart[], op: DiffPart["op"], text: string) {
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: "equal", text: before }] : [];
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  const parts: DiffPart[] = [];
  if (a.length * b.length > MAX_CELLS) {
    if (before) push(parts, "delete", before);
    if (after) push(parts, "insert", after);
    return parts;
  }
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i:] and b[j:], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * (m + 1) + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * (m + 1) + j] ?? 0, lengths[i * (m + 1) + j + 1] ?? 0);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, "equal", a[i] as string);
      i++;
      j++;
    } else if ((lengths[(i + 1) * (m + 1) + j] ?? 0) >= (lengths[i * (m + 1) + j + 1] ?? 0)) {
      push(parts, "delete", a[i++] as string);
    } else push(parts, "insert", b[j++] as string);
  }
  while (i < n) push(parts, "delete", a[i++] as string);
  while (j < m) push(parts, "insert", b[j++] as string);
  return parts;
}
