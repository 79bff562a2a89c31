import { describe, expect, it } from "vitest";
import { isAllowedByRobots, parseRobots } from "./fetch.robots.js";

const robots = parseRobots(`
User-agent: *
Disallow: /private
Allow: /private/public-page
Disallow: /*.pdf$

User-agent: HaiDangMonitor
User-agent: OtherBot
Disallow: /no-monitor/
`);

describe("robots.txt", () => {
  it("applies the * group with longest match and Allow on ties", () => {
    expect(isAllowedByRobots(robots, "SomeBot/1.0", "/private/x")).toBe(false);
    expect(isAllowedByRobots(robots, "SomeBot/1.0", "/private/public-page")).toBe(true);
    expect(isAllowedByRobots(robots, "SomeBot/1.0", "/docs/a.pdf")).toBe(false);
    expect(isAllowedByRobots(robots, "SomeBot/1.0", "/docs/a.pdf?x=1")).toBe(true);
    expect(isAllowedByRobots(robots, "SomeBot/1.0", "/news/1")).toBe(true);
  });

  it("uses the group naming our product token instead of *", () => {
    expect(isAllowedByRobots(robots, "HaiDangMonitor/0.1 (+https://x)", "/private/x")).toBe(true);
    expect(isAllowedByRobots(robots, "HaiDangMonitor/0.1", "/no-monitor/a")).toBe(false);
  });
});
