import type { Lang } from "../context.js";

/** Picks the response language from `Accept-Language`: English when asked for first, else Vietnamese. */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return "vi";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
