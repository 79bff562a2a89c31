/** Helpers of the monitoring suites: a real local HTTP server serving fixture feeds and pages. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ROOT } from "../support/cli.js";

export const FEEDS = path.join(ROOT, "test/fixtures/monitoring/feeds");

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface FixtureServer {
  origin: string;
  routes: Map<string, Handler>;
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** A fixture feed with its example hosts pointed at the local server. */
export function localFeed(file: string, origin: string): string {
  return fs
    .readFileSync(path.join(FEEDS, file), "utf8")
    .replace(/https?:\/\/(baothidu\.vn|[a-z0-9.-]*example(\.[a-z]+)*)/g, origin);
}

export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><nav>Trang chủ | Thời sự</nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}<script>alert(1)</script></article>
<footer>Bản quyền</footer></body></html>`;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const handler = routes.get(url.pathname);
    if (handler) return handler(req, res);
    if (url.pathname.endsWith(".html") || url.pathname.startsWith("/thoi-su/")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const para = `Bài viết ${url.pathname} về thành phố Hải Phòng: cảng Lạch Huyện tiếp nhận tàu container, thu hút đầu tư nước ngoài và phát triển du lịch Cát Bà.`;
      return res.end(
        articlePage(`Trang ${url.pathname}`, [
          para,
          para.replace("Bài viết", "Đoạn hai"),
          para.replace("Bài viết", "Đoạn ba"),
        ]),
      );
    }
    res.writeHead(404).end("not found");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    routes,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export const serveText =
  (body: string, type = "application/xml; charset=utf-8", headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": type, ...headers });
    res.end(body);
  };
