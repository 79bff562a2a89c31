/**
 * SSRF guard: which IP addresses a fetch may connect to. Checked on the resolved address (not the host
 * name) and again on every redirect hop.
 */
import { BlockList, isIP } from "node:net";

/** Why an address is refused, or null when it is public. */
export type BlockedReason =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared_cgnat"
  | "link_local"
  | "multicast"
  | "reserved"
  | "documentation"
  | "unique_local"
  | "invalid";

const rules: [string, number, "ipv4" | "ipv6", BlockedReason][] = [
  ["0.0.0.0", 8, "ipv4", "unspecified"],
  ["10.0.0.0", 8, "ipv4", "private"],
  ["100.64.0.0", 10, "ipv4", "shared_cgnat"],
  ["127.0.0.0", 8, "ipv4", "loopback"],
  ["169.254.0.0", 16, "ipv4", "link_local"],
  ["172.16.0.0", 12, "ipv4", "private"],
  ["192.0.0.0", 24, "ipv4", "reserved"],
  ["192.0.2.0", 24, "ipv4", "documentation"],
  ["192.88.99.0", 24, "ipv4", "reserved"],
  ["192.168.0.0", 16, "ipv4", "private"],
  ["198.18.0.0", 15, "ipv4", "reserved"],
  ["198.51.100.0", 24, "ipv4", "documentation"],
  ["203.0.113.0", 24, "ipv4", "documentation"],
  ["224.0.0.0", 4, "ipv4", "multicast"],
  ["240.0.0.0", 4, "ipv4", "reserved"],
  ["::", 128, "ipv6", "unspecified"],
  ["::1", 128, "ipv6", "loopback"],
  ["::", 96, "ipv6", "reserved"], // deprecated IPv4-compatible addresses
  ["100::", 64, "ipv6", "reserved"], // discard prefix
  ["2001:db8::", 32, "ipv6", "documentation"],
  ["2001::", 23, "ipv6", "reserved"], // IETF protocol assignments incl. Teredo 2001::/32
  ["fc00::", 7, "ipv6", "unique_local"],
  ["fe80::", 10, "ipv6", "link_local"],
  ["fec0::", 10, "ipv6", "reserved"], // deprecated site-local
  ["ff00::", 8, "ipv6", "multicast"],
];

const lists = rules.map(([network, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, type, reason };
});

/** Expands an IPv6 address to its 8 groups (numbers); null when not IPv6. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.split("%")[0] ?? address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(tail === undefined ? 0 : missing).fill("0"), ...tailGroups];
  return groups.map((g) => Number.parseInt(g || "0", 16));
}

/** The IPv4 address embedded in IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
export function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4(g[6] as number, g[7] as number);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6] as number, g[7] as number);
  if (g[0] === 0x2002) return v4(g[1] as number, g[2] as number);
  return null;
}

/**
 * Classifies an IP address: null when public (allowed), else the reason it is blocked. Covers loopback,
 * RFC 1918, CGNAT, link-local, multicast, unspecified, documentation and reserved ranges for IPv4 and IPv6,
 * including IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4).
 *
 * @example classifyAddress("::ffff:127.0.0.1") // "loopback"
 */
export function classifyAddress(address: string): BlockedReason | null {
  const version = isIP(address);
  if (version === 0) return "invalid";
  if (version === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return classifyAddress(v4);
  }
  const type = version === 4 ? "ipv4" : "ipv6";
  const bare = address.split("%")[0] ?? address;
  for (const { list, type: ruleType, reason } of lists) {
    if (ruleType === type && list.check(bare, type)) return reason;
  }
  return null;
}
