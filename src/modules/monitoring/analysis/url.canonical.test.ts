import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./url.canonical.js";

describe("canonicalUrl", () => {
  it("lower-cases the host, drops fragment, default port and tracking parameters, sorts the query", () => {
    expect(
      canonicalUrl(
        "HTTPS://BaoHaiPhong.VN:443/Tin-Tuc/A.html?utm_source=fb&b=2&fbclid=x&a=1&gclid=y&mc_cid=z#top",
      ),
    ).toBe("https://baohaiphong.vn/Tin-Tuc/A.html?a=1&b=2");
  });

  it("removes an empty query and resolves relative URLs against a base", () => {
    expect(canonicalUrl("/a?utm_medium=email", "http://example.vn/x/")).toBe("http://example.vn/a");
  });

  it("refuses non-http(s) and unparsable input", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("not a url")).toBeNull();
  });
});
