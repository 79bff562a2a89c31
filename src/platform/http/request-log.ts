/**
 * Request logs: one line per answered request with the request id (pino's `reqId`), the signed-in
 * user's id, the route pattern, status and duration. Fastify's own request logging is off because it
 * writes the raw URL (query strings may carry search terms or one-time codes) and knows no user.
 *
 * What never reaches the log: passwords, session cookies, CSRF tokens, bearer tokens, file contents.
 * Headers and bodies are not logged at all; the redaction paths below are the second line of
 * defence for anything that logs an object carrying them (see `test/integration/request-log.test.ts`).
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import type {} from "./types.js";

/** Keys redacted wherever they appear one or two levels deep in a logged object. */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "csrfToken",
  "secret",
  "cookie",
  "authorization",
];

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
];

/** pino options of the server's logger; tests pass their own stream to read what is written. */
export function createLoggerOptions(options: {
  level: string;
  stream?: NodeJS.WritableStream;
}): NonNullable<FastifyServerOptions["logger"]> {
  return {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    ...(options.stream && { stream: options.stream }),
  };
}

/** The path without its query string, for requests that matched no route. */
function pathOf(url: string): string {
  const q = url.indexOf("?");
  return (q === -1 ? url : url.slice(0, q)).slice(0, 200);
}

/** `onRequest` hook: a debug line when a request arrives (to find requests that never finish). */
export async function logRequestReceived(request: FastifyRequest): Promise<void> {
  const route = request.routeOptions.url;
  request.log.debug(
    { method: request.method, ...(route ? { route } : { path: pathOf(request.url) }) },
    "request received",
  );
}

/** `onResponse` hook: the request log line. */
export async function logRequestCompleted(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const route = request.routeOptions.url;
  request.log.info(
    {
      method: request.method,
      ...(route ? { route } : { path: pathOf(request.url) }),
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      userId: request.ctx?.actor?.userId ?? null,
    },
    "request completed",
  );
}
