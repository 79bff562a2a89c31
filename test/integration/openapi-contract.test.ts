/**
 * The published OpenAPI document (`GET /api/openapi.json`) against Redocly's recommended rules
 * (`redocly.yaml`): no errors, no warnings. And what a client generator relies on: a stable,
 * domain-named operationId on every operation, the security each one needs, the error answers
 * with the shared error body and their codes.
 */
import fs from "node:fs";
import path from "node:path";
import { lintFromString, loadConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { rawRequest } from "../support/http.js";

type Json = Record<string, unknown>;
interface ResponseDef {
  $ref?: string;
  content?: Record<string, { schema?: Json }>;
}

/**
 * Operations whose success answer is not a JSON body, so it has no schema: file downloads, iCalendar
 * feeds, OPML, CSV/XLSX exports, Prometheus metrics, and answers with no body at all.
 */
const NOT_JSON = new Set([
  "getMetrics",
  "getPortalMediaFile",
  "exportAuditEntries",
  "downloadEvidenceFile",
  "downloadDueDateDocument",
  "exportReport",
  "downloadProgrammeSource",
  "exportEventsIcs",
  "getCalendarFeedIcs",
  "downloadImportSource",
  "exportSourcesOpml",
  "exportStatsXlsx",
  "exportPartners",
  "downloadPartnerExchangeFile",
  "exportDelegations",
  "exportPressVisits",
  "exportTrainingCourses",
  "exportAwardEntries",
  "downloadTrainingMaterial",
  "createUrgingNotice",
  "exportBudgetItems",
  "downloadBudgetDocument",
  "exportEventPlanItems",
  "exportInstallations",
  "getInstallationPhoto",
  "exportXliff",
  "previewPortalLocalization",
  // Sign-in through the city's provider: redirects (303) of the browser, no body.
  "startOidcSignIn",
  "finishOidcSignIn",
  "signOutOfOidcProvider",
]);

/** Operations still answering with an undescribed body. Each one is a gap in the contract. */
const PENDING = new Set<string>([]);
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, ResponseDef>;
  tags?: string[];
}

describe("OpenAPI contract", () => {
  let t: TestPlatform;
  let doc: { paths: Record<string, Record<string, Operation>>; components: Json; tags: Json[] } & Json;
  let text: string;

  beforeAll(async () => {
    // With a metrics token, /metrics exists and is documented with its bearer scheme.
    t = await startTestPlatform({ env: { HAIDANG_METRICS_TOKEN: "contract-test-metrics-token-0123456789" } });
    const res = await rawRequest(t.platform.app, "GET", "/api/openapi.json");
    expect(res.status, res.text).toBe(200);
    text = res.text;
    doc = res.body as typeof doc;
  });
  afterAll(async () => t?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([url, item]) =>
      Object.entries(item).map(([method, op]) => ({ url, method, op })),
    );

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const config = await loadConfig({ configPath: path.resolve("redocly.yaml") });
    const problems = await lintFromString({ source: text, absoluteRef: "/api/openapi.json", config });
    const report = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`,
    );
    expect(report).toEqual([]);
    expect(operations().length).toBeGreaterThanOrEqual(100);
  });

  it("names every operation after its domain, once", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["listTasks", "submitCheckIn", "signIn", "searchItems"]));
  });

  it("asks for the session cookie on reads and the CSRF header too on writes; sign-in is public", () => {
    const schemes = doc.components.securitySchemes as Record<string, Json>;
    expect(schemes.session).toMatchObject({ type: "apiKey", in: "cookie", name: "hd_session" });
    expect(schemes.csrf).toMatchObject({ type: "apiKey", in: "header", name: "x-csrf-token" });
    expect(schemes.metricsToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/metrics"]?.get?.security).toEqual([{ metricsToken: [] }]);
    for (const { method, url, op } of operations()) {
      if (url === "/metrics") continue;
      const expected = method === "get" ? [{ session: [] }] : [{ session: [], csrf: [] }];
      // Public routes (policy "public") need nothing; every other one needs what its method needs.
      if (op.security?.length !== 0) expect(op.security, `${method} ${url}`).toEqual(expected);
    }
    expect(doc.paths["/api/auth/login"]?.post?.security).toEqual([]);
    expect(doc.paths["/api/programmes"]?.get?.security).toEqual([{ session: [] }]);
    expect(doc.paths["/api/check-ins/{id}/submit"]?.post?.security).toEqual([{ session: [], csrf: [] }]);
  });

  it("documents the error answers with the shared error body and the codes of each status", () => {
    for (const { method, url, op } of operations()) {
      const where = `${method} ${url}`;
      expect(op.responses["400"]?.$ref, where).toBe("#/components/responses/BadRequest");
      expect(op.responses["500"]?.$ref, where).toBe("#/components/responses/InternalError");
      expect(op.responses.default?.$ref, where).toBe("#/components/responses/Error");
      if (op.security?.length) expect(op.responses["401"], where).toBeDefined();
      if (url.includes("{")) expect(op.responses["404"], where).toBeDefined();
    }
    const schemas = doc.components.schemas as Record<string, { properties: Json }>;
    const codeOf = (name: string): string[] => {
      const error = schemas[name]?.properties.error as
        | { properties: { code: { enum?: string[] } } }
        | undefined;
      return error?.properties.code.enum ?? [];
    };
    expect(codeOf("Error400")).toEqual(
      expect.arrayContaining(["validation_failed", "invalid_json", "bad_request"]),
    );
    expect(codeOf("Error404")).toEqual(expect.arrayContaining(["task_not_found", "unit_not_found"]));
    expect(codeOf("Error403")).toEqual(expect.arrayContaining(["forbidden", "csrf_invalid"]));
  });

  it("documents every API path the web app calls, with the method it calls it with", () => {
    const documented = operations().map(({ method, url }) => ({
      method,
      url,
      pattern: new RegExp(`^${url.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
    }));
    const calls = webApiCalls(path.resolve("src/web"));
    expect(calls.length).toBeGreaterThan(80);
    const unknown = calls.filter(
      (call) =>
        !documented.some((op) => op.pattern.test(call.path) && (!call.method || call.method === op.method)),
    );
    expect(unknown.map((c) => `${c.method ?? "*"} ${c.path} (${c.file})`)).toEqual([]);
  });

  it("declares the JSON body of every success answer (files, calendars and metrics excepted, by name)", () => {
    const undescribed = operations()
      .filter(({ op }) => {
        const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
        return !success.some(
          ([status, response]) =>
            status === "204" ||
            Object.values(response.content ?? {}).some((c) => Object.keys(c.schema ?? {}).length > 0),
        );
      })
      .map(({ op }) => op.operationId);
    expect(undescribed.filter((id) => !NOT_JSON.has(id ?? "") && !PENDING.has(id ?? "")).sort()).toEqual([]);
    // An entry left on a list whose operation now has a schema (or no longer exists) must go.
    const stale = [...NOT_JSON, ...PENDING].filter((id) => !undescribed.includes(id));
    expect(stale).toEqual([]);
  });

  it("names its server, licence, contact and describes every tag", () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect((doc.info as Json).license).toMatchObject({ name: expect.any(String) });
    expect((doc.info as Json).contact).toMatchObject({ name: expect.any(String) });
    const used = new Set(operations().flatMap(({ op }) => op.tags ?? []));
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining([...used]));
    for (const tag of doc.tags) expect(tag.description, String(tag.name)).toMatch(/\S+ \/ \S+/);
  });
});

describe("The web client's API shapes", () => {
  const web = path.resolve("src/web");
  const files = fs
    .readdirSync(web, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const apiFiles = files.filter((f) => /-api\.ts$/.test(f) || f === path.join("api", "types.ts"));

  it("are inferred from src/shared/api, never written again by hand in an API file", () => {
    expect(apiFiles.length).toBeGreaterThanOrEqual(8);
    const handWritten = apiFiles.flatMap((file) =>
      ownShapes(fs.readFileSync(path.join(web, file), "utf8"))
        .filter((name) => !CLIENT_ONLY.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(handWritten).toEqual([]);
    const notShared = apiFiles.filter(
      (file) => !/from "(?:\.\.\/)+shared\/api\//.test(fs.readFileSync(path.join(web, file), "utf8")),
    );
    expect(notShared).toEqual([]);
  });

  it("declare no shape anywhere in the web app under the name of a shared schema", () => {
    const shared = new Set(
      fs
        .readdirSync(path.resolve("src/shared/api"))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .flatMap((f) =>
          [...fs.readFileSync(path.resolve("src/shared/api", f), "utf8").matchAll(/export const (\w+)/g)].map(
            (m) => (m[1] as string).replace(/Schema$/, ""),
          ),
        ),
    );
    expect(shared.size).toBeGreaterThan(50);
    const clashes = files.flatMap((file) =>
      ownShapes(fs.readFileSync(path.join(web, file), "utf8"))
        .filter((name) => shared.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(clashes).toEqual([]);
  });
});

/**
 * Shapes the web app keeps for itself, never sent by the server: what a filter form holds before it
 * becomes a query string.
 */
const CLIENT_ONLY = new Set(["OccurrenceFilter", "TaskFilters"]);

/** Names of the interfaces and object-literal types a source file declares itself. */
function ownShapes(source: string): string[] {
  return [...source.matchAll(/^(?:export )?(?:interface (\w+)|type (\w+)(?:<[^>]*>)? = \{)/gm)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

/**
 * The API paths the web app's source names (string and template literals starting with `/api/`,
 * `${…}` standing for one path segment, a file's `const base = "/api/…"` expanded), with the HTTP
 * method when the call just before it says which.
 */
function webApiCalls(root: string): { file: string; path: string; method: string | undefined }[] {
  const files = fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
  const calls: { file: string; path: string; method: string | undefined }[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const base = /const base = "(\/api\/[^"]+)"/.exec(source)?.[1];
    const literal = /["`]((?:\/api\/|\$\{base\}\/?)[^"`?]*)/g;
    for (const match of source.matchAll(literal)) {
      if (source.slice(Math.max(0, (match.index ?? 0) - 13), match.index) === "const base = ") continue;
      const BASE = "$" + "{base}";
      let url = (match[1] as string).replace(BASE, base ?? BASE);
      if (!url.startsWith("/api/") || url.includes(BASE)) continue;
      url = url.replace(/\$\{[^}]+\}/g, "x").replace(/\/$/, "");
      const method = methodBefore(source.slice(Math.max(0, (match.index ?? 0) - 200), match.index));
      calls.push({ file, path: url, method });
    }
  }
  return calls;
}

/** The HTTP method of the call whose first argument starts right after `before`, when it says. */
function methodBefore(before: string): string | undefined {
  const verb = /api\.(get|post|patch|put|delete)\s*(?:<[^()]*>)?\(\s*$/.exec(before);
  if (verb) return verb[1];
  const request = /request\s*(?:<[^()]*>)?\(\s*"(GET|POST|PATCH|PUT|DELETE)",\s*$/.exec(before);
  if (request) return request[1]?.toLowerCase();
  if (/downloadPost\s*\(\s*$/.test(before)) return "post";
  // The register import dialog uploads the workbook to its `path`.
  if (/<ImportFromExcel\b[^>]*path=\{?$/.test(before)) return "post";
  if (/(?:download|useServerTable\s*(?:<[^()]*>)?)\s*\(\s*$|path=\{?$/.test(before)) return "get";
  return undefined;
}
