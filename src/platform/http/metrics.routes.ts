/**
 * `GET /metrics` in Prometheus text format, answered only to `Authorization: Bearer <token>` with the
 * configured `HAIDANG_METRICS_TOKEN`; without the variable the route does not exist (404). Outside
 * `/api/`, so no session or CSRF applies: the token is the whole authorisation.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { defineError } from "../errors.js";
import type { Metrics } from "../metrics/metrics.js";
import type { App } from "./types.js";

export const metricsErrors = {
  tokenRequired: defineError({
    code: "metrics_token_invalid",
    status: 401,
    vi: "Cần mã truy cập số liệu giám sát hợp lệ (Authorization: Bearer …)",
    en: "A valid metrics token is required (Authorization: Bearer …)",
  }),
};

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares the bearer token in constant time: both sides are hashed to the same length first. */
export function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  const given = match?.[1] ?? "";
  // Always compare, even without a token, so timing says nothing about the header's shape.
  const same = timingSafeEqual(digest(given), digest(expected));
  return same && given.length > 0;
}

export function registerMetricsRoutes(app: App, deps: { metrics: Metrics; token: string }) {
  const schema = {
    operationId: "getMetrics",
    tags: ["metrics"],
    summary: "Số liệu giám sát (Prometheus) / Prometheus metrics",
  };
  app.get("/metrics", { schema }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, deps.token)) {
      reply.header("www-authenticate", 'Bearer realm="metrics"');
      throw metricsErrors.tokenRequired();
    }
    const body = await deps.metrics.registry.metrics();
    return reply.header("cache-control", "no-store").type(deps.metrics.registry.contentType).send(body);
  });
}
