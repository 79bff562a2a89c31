import { COUNTRY_NAMES_VI } from "../../../shared/api/countries";

/** Partner countries for selects: "Nhật Bản (JP)", sorted the Vietnamese way. */
export const COUNTRY_OPTIONS = Object.entries(COUNTRY_NAMES_VI)
  .map(([code, name]) => ({ value: code, label: `${name} (${code})` }))
  .sort((a, b) => a.label.localeCompare(b.label, "vi"));
