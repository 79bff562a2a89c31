import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { classifyAddress } from "./fetch.address.js";
import { createFetcher } from "./fetch.client.js";

/** Vietnamese as windows-1258 writes it: precomposed base letters, tone as a combining mark. */
function encode1258(text: string): Buffer {
  const split = text.normalize("NFD").replace(
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: splitting tone marks off on purpose
    /([^\u0300\u0301\u0303\u0309\u0323]+?)([\u0300\u0301\u0303\u0309\u0323])/g,
    (_, base: string, tone: string) => `${base.normalize("NFC")}${tone}`,
  );
  return iconv.encode(split, "windows-1258");
}

const VI_TEXT = "Thành phố Hải Phòng đón khách quốc tế";
let server: Server;
let base: string;
let hugeBytesSent = 0;
let concurrent = 0;
let maxConcurrent = 0;

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? "/";
  if (path === "/robots.txt") {
    res.end("User-agent: *\nDisallow: /private\n");
  } else if (path === "/etag") {
    if (req.headers["if-none-match"] === '"v1"') {
      res.writeHead(304).end();
    } else
      res.writeHead(200, { etag: '"v1"', "last-modified": "Tue, 12 Mar 2024 00:00:00 GMT" }).end("<rss/>");
  } else if (path === "/gzip") {
    res
      .writeHead(200, { "content-encoding": "gzip", "content-type": "text/plain; charset=utf-8" })
      .end(zlib.gzipSync(VI_TEXT));
  } else if (path === "/br") {
    res.writeHead(200, { "content-encoding": "br" }).end(zlib.brotliCompressSync(VI_TEXT));
  } else if (path === "/deflate") {
    res.writeHead(200, { "content-encoding": "deflate" }).end(zlib.deflateSync(VI_TEXT));
  } else if (path === "/gzip-bomb") {
    res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)));
  } else if (path === "/loop-a") {
    res.writeHead(302, { location: "/loop-b" }).end();
  } else if (path === "/loop-b") {
    res.writeHead(301, { location: `${base}/loop-a` }).end();
  } else if (path.startsWith("/chain/")) {
    const n = Number(path.slice(7));
    if (n > 0) res.writeHead(302, { location: `/chain/${n - 1}` }).end();
    else res.end("end of chain");
  } else if (path === "/huge") {
    // 100 MB, streamed as fast as the client reads; counts what was actually written.
    const chunk = Buffer.alloc(64 * 1024, 120);
    let left = 1600;
    res.writeHead(200, { "content-type": "text/plain" });
    const pump = () => {
      while (left > 0) {
        left--;
        hugeBytesSent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => {
      left = 0;
    });
    pump();
  } else if (path === "/trickle") {
    res.writeHead(200, { "content-type": "text/plain" });
    const timer = setInterval(() => res.write("x"), 50);
    res.on("close", () => clearInterval(timer));
  } else if (path === "/win1258") {
    const html = `<html><head><meta charset="windows-1258"><title>t</title></head><body><p>${VI_TEXT}</p></body></html>`;
    res.writeHead(200, { "content-type": "text/html" }).end(encode1258(html));
  } else if (path === "/latin1") {
    res
      .writeHead(200, { "content-type": "text/html; charset=ISO-8859-1" })
      .end(iconv.encode("<p>Haïphong, café crème</p>", "latin1"));
  } else if (path === "/status/500") {
    res.writeHead(500).end("boom");
  } else if (path === "/private/page") {
    res.end("secret");
  } else if (path === "/redirect-to-ten") {
    res.writeHead(302, { location: "http://10.0.0.1/" }).end();
  } else if (path === "/redirect-to-internal") {
    res.writeHead(302, { location: "http://internal.example.test/admin" }).end();
  } else if (path === "/slow") {
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    setTimeout(() => {
      concurrent--;
      res.end("ok");
    }, 100);
  } else {
    res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(route);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return err instanceof AppError ? err.code : `untyped: ${String(err)}`;
  }
  return "no error";
}

const local = (extra: Parameters<typeof createFetcher>[0] = {}) =>
  createFetcher({ allowPrivate: true, ...extra });

describe("createFetcher against a real local server", () => {
  it("sends conditional GET headers and handles 304", async () => {
    const fetcher = local();
    const first = await fetcher.fetch({ url: `${base}/etag` });
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v1"', text: "<rss/>" });
    const second = await fetcher.fetch({
      url: `${base}/etag`,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ status: 304, notModified: true, text: "" });
  });

  it("decodes gzip, brotli and deflate", async () => {
    const fetcher = local();
    for (const path of ["/gzip", "/br", "/deflate"])
      expect((await fetcher.fetch({ url: `${base}${path}` })).text).toBe(VI_TEXT);
  });

  it("caps the decompressed size (compression bomb)", async () => {
    expect(await errorCode(local({ maxDecodedBytes: 1024 * 1024 }).fetch({ url: `${base}/gzip-bomb` }))).toBe(
      "fetch_too_large",
    );
  });

  it("detects redirect loops and bounds redirect chains", async () => {
    expect(await errorCode(local().fetch({ url: `${base}/loop-a` }))).toBe("fetch_too_many_redirects");
    expect(await errorCode(local({ maxRedirects: 3 }).fetch({ url: `${base}/chain/4` }))).toBe(
      "fetch_too_many_redirects",
    );
    const ok = await local({ maxRedirects: 3 }).fetch({ url: `${base}/chain/3` });
    expect(ok.text).toBe("end of chain");
    expect(ok.redirects).toHaveLength(3);
  });

  it("aborts a 100 MB response early with bounded memory", async () => {
    hugeBytesSent = 0;
    const before = process.memoryUsage().rss;
    const code = await errorCode(local({ maxBytes: 2 * 1024 * 1024 }).fetch({ url: `${base}/huge` }));
    expect(code).toBe("fetch_too_large");
    await new Promise((r) => setTimeout(r, 50));
    expect(hugeBytesSent).toBeLessThan(30 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(80 * 1024 * 1024);
  });

  it("times out a trickling server on the total deadline", async () => {
    const started = Date.now();
    expect(await errorCode(local({ totalTimeoutMs: 600 }).fetch({ url: `${base}/trickle` }))).toBe(
      "fetch_timeout",
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("decodes windows-1258 (meta charset) and ISO-8859-1 (header) pages", async () => {
    const vi = await local().fetch({ url: `${base}/win1258` });
    expect(vi.charset).toEqual({ charset: "windows-1258", source: "meta" });
    expect(vi.text).toContain(VI_TEXT);
    const fr = await local().fetch({ url: `${base}/latin1` });
    expect(fr.text).toBe("<p>Haïphong, café crème</p>");
  });

  it("reports HTTP errors with their status", async () => {
    try {
      await local().fetch({ url: `${base}/status/500` });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("fetch_http_status");
      expect((err as AppError).meta?.status).toBe(500);
    }
  });

  it("checks robots.txt for article pages only when asked", async () => {
    const fetcher = local();
    expect(await errorCode(fetcher.fetch({ url: `${base}/private/page`, checkRobots: true }))).toBe(
      "fetch_robots_disallowed",
    );
    expect((await fetcher.fetch({ url: `${base}/private/page` })).text).toBe("secret");
    expect((await fetcher.fetch({ url: `${base}/etag`, checkRobots: true })).status).toBe(200);
  });

  it("limits concurrent requests per host", async () => {
    maxConcurrent = 0;
    const fetcher = local({ maxPerHost: 2 });
    await Promise.all(Array.from({ length: 6 }, () => fetcher.fetch({ url: `${base}/slow` })));
    expect(maxConcurrent).toBe(2);
  });

  it("sends the configured User-Agent and refuses non-http URLs", async () => {
    expect(await errorCode(local().fetch({ url: "file:///etc/passwd" }))).toBe("fetch_invalid_url");
    expect(await errorCode(local().fetch({ url: "::not a url" }))).toBe("fetch_invalid_url");
  });
});

describe("SSRF guard in the fetcher (allowPrivate: false; no traffic leaves 127.0.0.1)", () => {
  it.each([
    "http://127.0.0.1/",
    "http://10.0.0.5/",
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
  ])("refuses %s before connecting", async (url) => {
    expect(await errorCode(createFetcher().fetch({ url }))).toBe("fetch_blocked_address");
  });

  it("checks the resolved address of a host name (localhost → 127.0.0.1)", async () => {
    const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    expect(
      await errorCode(createFetcher({}, { resolve }).fetch({ url: `http://news.example.test:1/` })),
    ).toBe("fetch_blocked_address");
  });

  it("checks again after every redirect: a 'public' server redirecting to private targets is refused", async () => {
    // Only the local test server (127.0.0.1) is treated as public; everything else is classified normally.
    const classify = (address: string) => (address === "127.0.0.1" ? null : classifyAddress(address));
    const resolve = async (host: string) => [
      { address: host === "internal.example.test" ? "192.168.1.10" : "127.0.0.1", family: 4 },
    ];
    const fetcher = createFetcher({ allowPrivate: false }, { classify, resolve });
    const port = (server.address() as AddressInfo).port;
    expect((await fetcher.fetch({ url: `http://public.example.test:${port}/etag` })).status).toBe(200);
    expect(
      await errorCode(fetcher.fetch({ url: `http://public.example.test:${port}/redirect-to-ten` })),
    ).toBe("fetch_blocked_address");
    expect(
      await errorCode(fetcher.fetch({ url: `http://public.example.test:${port}/redirect-to-internal` })),
    ).toBe("fetch_blocked_address");
  });
});
