/** `onResponse` hook recording every answered request's duration under its route pattern. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Metrics, UNMATCHED_ROUTE } from "../metrics/metrics.js";

export function createRequestMetricsHook(metrics: Metrics) {
  return async function recordRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    metrics.http.observe({
      method: request.method,
      // The pattern (`/api/tasks/:id`): raw URLs would make one time series per address.
      route: request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE),
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  };
}
