/**
 * Amounts in đồng as Vietnamese documents write them: dot thousands separators and " đ".
 * @example formatDong(1234567) // "1.234.567 đ"
 */
export function formatDong(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(Math.trunc(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đ`;
}
