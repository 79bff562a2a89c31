/**
 * robots.txt (RFC 9309): parsing and matching. The fetcher caches parsed rules per origin.
 */

/** Parsed rules of one robots.txt. */
export interface RobotsRules {
  groups: { agents: string[]; rules: { allow: boolean; pattern: string }[] }[];
}

/** Parses robots.txt text (unknown lines ignored; size bounded by the fetcher). */
export function parseRobots(text: string): RobotsRules {
  const groups: RobotsRules["groups"] = [];
  let current: RobotsRules["groups"][number] | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] as string).toLowerCase();
    const value = (m[2] as string).trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((key === "allow" || key === "disallow") && current) {
      lastWasAgent = false;
      if (value || key === "allow") current.rules.push({ allow: key === "allow", pattern: value });
    } else {
      lastWasAgent = false;
    }
  }
  return { groups };
}

function patternToRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/**
 * Whether `pathAndQuery` may be fetched by `userAgent`: the group naming our product token (else `*`);
 * longest matching rule wins, Allow wins ties.
 */
export function isAllowedByRobots(rules: RobotsRules, userAgent: string, pathAndQuery: string): boolean {
  const token = (userAgent.split("/")[0] ?? userAgent).trim().toLowerCase();
  const specific = rules.groups.filter((g) => g.agents.some((a) => a !== "*" && token.includes(a)));
  const groups = specific.length > 0 ? specific : rules.groups.filter((g) => g.agents.includes("*"));
  let best: { allow: boolean; length: number } | null = null;
  for (const group of groups) {
    for (const rule of group.rules) {
      if (!rule.pattern) continue;
      if (!patternToRegExp(rule.pattern).test(pathAndQuery)) continue;
      const length = rule.pattern.length;
      if (!best || length > best.length || (length === best.length && rule.allow))
        best = { allow: rule.allow, length };
    }
  }
  return best?.allow ?? true;
}

/** Rules that allow everything (robots.txt missing) or nothing (robots.txt unreachable). */
export const ALLOW_ALL: RobotsRules = { groups: [] };
export const DISALLOW_ALL: RobotsRules = {
  groups: [{ agents: ["*"], rules: [{ allow: false, pattern: "/" }] }],
};
