/**
 * Accent-insensitive folding for Vietnamese: NFC, lower case, tone and vowel marks removed,
 * and đ/Đ → d (Unicode decomposition leaves đ alone, so it is mapped explicitly).
 * @example foldVietnamese("Đỗ Mạnh Hiến") // "do manh hien"
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const foldChar = (ch: string) =>
  ch
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();

/**
 * Folds like `foldVietnamese` (without collapsing spaces) and keeps, for every folded character, the
 * index of the original character it came from: a match found in the folded text can be cut or
 * highlighted in the original.
 *
 * @example const { folded, map } = foldWithMap("Đồ Sơn"); // folded "do son", map[3] === 3
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) map.push(index);
    folded += f;
    index += ch.length;
  }
  map.push(index);
  return { folded, map };
}
