/**
 * Edit distance and similarity for near-match names ("Đỗ Mạnh Hiếu" vs "Đỗ Mạnh Hiến": one letter apart).
 * Works on Unicode code points of NFC text, so a Vietnamese letter with its marks counts as one letter.
 */
import { foldVietnamese } from "./fold.js";

/**
 * Levenshtein distance between two strings (insertions, deletions, substitutions of one code point).
 * @example editDistance("Đỗ Mạnh Hiếu", "Đỗ Mạnh Hiến") // 1
 */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a.normalize("NFC"));
  const y = Array.from(b.normalize("NFC"));
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  // One row of the DP table is enough: O(min) memory matters for long unit names in bulk reconciliation.
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/**
 * Similarity in [0, 1]: 1 − distance / longer length. With `fold` (default false) both sides are folded
 * first (case, tone marks, đ), so "Hoà"/"hòa" compare equal.
 * @example similarity("Đỗ Mạnh Hiếu", "Đỗ Mạnh Hiến") // ≈ 0.92
 */
export function similarity(a: string, b: string, options: { fold?: boolean } = {}): number {
  const left = options.fold ? foldVietnamese(a) : a.normalize("NFC");
  const right = options.fold ? foldVietnamese(b) : b.normalize("NFC");
  const longer = Math.max(Array.from(left).length, Array.from(right).length);
  if (longer === 0) return 1;
  return 1 - editDistance(left, right) / longer;
}
