/**
 * Canonical URLs, so that the same article reached through a newsletter, a social share or a feed counts once.
 */

/** Query parameters that only track the reader; removed from canonical URLs. Exact names. */
export const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "li_fat_id",
  "mc_cid",
  "mc_eid",
  "igshid",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "vero_id",
  "oly_anon_id",
  "oly_enc_id",
  "rb_clickid",
  "s_cid",
  "zanpid",
  "ref_src",
  "ref_url",
  "cmpid",
  "spm",
  "share_source",
  "zarsrc",
  "gidzl",
  "utm",
]);
/** Query parameter prefixes that only track the reader. */
export const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "hsa_", "__hs", "at_"];

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * Canonicalises an absolute http(s) URL: lower-case scheme and host, no default port, no fragment, no
 * tracking parameters, remaining query parameters sorted (stable for equal names), no trailing "?".
 * Returns null when the input is not an absolute http(s) URL. Path case is kept (paths are case-sensitive).
 *
 * @example canonicalUrl("HTTPS://Baohaiphong.vn:443/a?utm_source=fb&b=2&a=1#top") // "https://baohaiphong.vn/a?a=1&b=2"
 */
export function canonicalUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  url.search = "";
  for (const [name, value] of kept) url.searchParams.append(name, value);
  const out = url.toString();
  return out.endsWith("?") ? out.slice(0, -1) : out;
}
