/**
 * Builds the HTTP server: Fastify 5 with Zod schemas, request ids, pino logging with secrets
 * redacted, security headers, the session/policy hook, the error mapper, OpenAPI, health probes
 * and the web app. Route modules are registered by the caller (see `main.ts`).
 */
import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyServerOptions, LogController } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AuthService } from "../../modules/auth/auth.service.js";
import type { Metrics } from "../metrics/metrics.js";
import { isPermission } from "../policy/policy.js";
import { apiNotFound, errorHandler } from "./error-handler.js";
import { answerFrameworkError, refuseInvalidCharacters } from "./input-guard.js";
import { registerOpenApi, renderDocsPage } from "./openapi.js";
import { createLoggerOptions, logRequestCompleted, logRequestReceived } from "./request-log.js";
import { createRequestMetricsHook } from "./request-metrics.js";
import { setSecurityHeaders } from "./security-headers.js";
import { compileSerializer } from "./serializer.js";
import { createSessionHook } from "./session-hook.js";
import type { App } from "./types.js";
import { isWebNavigation, registerWebApp } from "./web-app.js";

export interface RouteInfo {
  method: string;
  url: string;
  policy: string | undefined;
}

export interface BuildAppOptions {
  logLevel: string;
  bodyLimit: number;
  isHttps: boolean;
  publicUrl: string | undefined;
  /** Proxies whose X-Forwarded-For gives the client's address (HAIDANG_TRUST_PROXY); none by default. */
  trustProxy?: readonly string[];
  version: string;
  auth: AuthService;
  /** Compare each schema-written response with JSON.stringify's (tests). */
  checkResponses?: boolean;
  /** Where the built web app lives; skipped when absent (API-only, e.g. in tests). */
  webDir?: string;
  /** Pretty or JSON logs; tests pass a stream or false. */
  logger?: FastifyServerOptions["logger"];
  /** Records request durations per route (served at /metrics when configured). */
  metrics?: Metrics;
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,64}$/;

export async function buildApp(
  options: BuildAppOptions,
): Promise<{ app: App; routes: RouteInfo[]; cookieName: string }> {
  const cookieName = options.isHttps ? "__Host-hd_session" : "hd_session";
  const app = Fastify({
    logger: options.logger ?? createLoggerOptions({ level: options.logLevel }),
    // One line per request from request-log.ts instead: with the user id, without the raw URL.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  // Presenters already shape every response: inputs are validated, outputs written from their schema.
  app.setSerializerCompiler(({ schema }) =>
    compileSerializer(schema, { check: options.checkResponses ?? false }),
  );

  const routes: RouteInfo[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const policy = route.config?.policy;
    if (route.url.startsWith("/api/") && !isPermission(policy)) {
      throw new Error(
        `Route ${methods.join(",")} ${route.url} has no policy: add config.policy (platform/policy/policy.ts)`,
      );
    }
    for (const m of methods) if (m !== "HEAD") routes.push({ method: m, url: route.url, policy });
  });

  await app.register(cookie);
  await registerOpenApi(app, { version: options.version, cookieName, publicUrl: options.publicUrl });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    setSecurityHeaders(reply, options.isHttps);
  });
  app.addHook("onRequest", logRequestReceived);
  app.addHook("onResponse", logRequestCompleted);
  if (options.metrics) app.addHook("onResponse", createRequestMetricsHook(options.metrics));
  const allowedOrigins = options.publicUrl ? [new URL(options.publicUrl).origin] : [];
  app.addHook("onRequest", createSessionHook({ auth: options.auth, cookieName, allowedOrigins }));
  app.addHook("preValidation", refuseInvalidCharacters);
  app.setErrorHandler(errorHandler);

  app.get("/api/openapi.json", { config: { policy: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get("/api/docs", { config: { policy: "public" }, schema: { hide: true } }, async (_req, reply) => {
    reply.header(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    return reply
      .type("text/html; charset=utf-8")
      .send(renderDocsPage(app.swagger() as Parameters<typeof renderDocsPage>[0]));
  });

  const hasWeb = options.webDir ? await registerWebApp(app, options.webDir) : false;
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && app.sendWebIndex && isWebNavigation(request)) return app.sendWebIndex(reply);
    return apiNotFound(request, reply);
  });

  return { app, routes, cookieName };
}
