import { describe, expect, it } from "vitest";
import { classifyAddress, embeddedIpv4 } from "./fetch.address.js";

describe("classifyAddress (SSRF guard)", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "shared_cgnat"],
    ["169.254.169.254", "link_local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd00::1", "unique_local"],
    ["fc12:3456::1", "unique_local"],
    ["fe80::1%eth0", "link_local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "link_local"],
    ["2002:c0a8:0101::1", "private"],
    ["not-an-ip", "invalid"],
  ])("blocks %s (%s)", (address, reason) => {
    expect(classifyAddress(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "14.225.0.1", "172.32.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])(
    "allows public %s",
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );

  it("extracts IPv4 embedded in IPv6", () => {
    expect(embeddedIpv4("::ffff:192.168.0.1")).toBe("192.168.0.1");
    expect(embeddedIpv4("2001:4860::1")).toBeNull();
  });
});
