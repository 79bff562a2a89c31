/** The lighthouse mark (same drawing as the favicon). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#0b4f8a" />
      <path d="M13 8h6l2 18H11z" fill="#fff" />
      <path d="M12 6h8v3h-8z" fill="#f5b301" />
      <path d="M4 12l8 2M28 12l-8 2" stroke="#f5b301" strokeWidth="2" />
    </svg>
  );
}
