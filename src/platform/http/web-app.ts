/**
 * Serves the built React app (dist/web): hashed assets from disk, and index.html for every other
 * non-API GET, with a fresh CSP nonce written into it so that antd's injected styles are allowed.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyReply, FastifyRequest } from "fastify";
import { webCsp } from "./security-headers.js";
import type { App } from "./types.js";

export async function registerWebApp(app: App, webDir: string): Promise<boolean> {
  const indexFile = path.join(webDir, "index.html");
  if (!fs.existsSync(indexFile)) return false;
  const indexHtml = fs.readFileSync(indexFile, "utf8");
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    index: false,
    wildcard: false,
    // Hashed file names never change: cache them for a long time.
    setHeaders(res, file) {
      if (file.includes(`${path.sep}assets${path.sep}`))
        res.setHeader("cache-control", "public, max-age=31536000, immutable");
    },
  });
  app.decorate("sendWebIndex", (reply: FastifyReply) => {
    const nonce = randomBytes(16).toString("base64");
    reply.header("content-security-policy", webCsp(nonce));
    reply.header("cache-control", "no-store");
    return reply.type("text/html; charset=utf-8").send(indexHtml.replaceAll("__CSP_NONCE__", nonce));
  });
  return true;
}

/** True for a browser navigation that the single-page app should answer. */
/** Server paths that are never pages of the web app: unregistered, they answer 404 rather than index.html. */
const SERVER_PATHS = new Set(["/api", "/metrics", "/healthz", "/readyz"]);

export function isWebNavigation(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = request.url.split("?")[0] ?? "";
  if (pathname.startsWith("/api/") || SERVER_PATHS.has(pathname)) return false;
  return !path.extname(pathname);
}

declare module "fastify" {
  interface FastifyInstance {
    sendWebIndex?: (reply: FastifyReply) => FastifyReply;
  }
}
