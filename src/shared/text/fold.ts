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
