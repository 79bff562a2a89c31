/**
 * Bad input is refused with a clear, localised error and leaves no trace: malformed JSON, wrong
 * types, unknown fields, oversized bodies, SQL and wildcard fragments, overlong and hostile text.
 * Also the headers every response carries and the published API description.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildUnit, countRows, WRITE_TABLES } from "../support/factories.js";
import { type Client, type InjectResult, signIn } from "../support/http.js";

const BODY_LIMIT = 4096;

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
  requestId: string;
}
const errorOf = (res: InjectResult) => (res.body as ErrorBody).error;

describe.each(dialects())("bad input on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;

  /** Runs a request that must be refused and checks that no table changed. */
  async function refused(
    run: () => Promise<InjectResult>,
    status: number,
    errorCode: string,
  ): Promise<ErrorBody["error"]> {
    const before = await countRows(t.platform, WRITE_TABLES);
    const res = await run();
    expect(res.status, res.text).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(errorOf(res).code).toBe(errorCode);
    expect(await countRows(t.platform, WRITE_TABLES)).toEqual(before);
    return errorOf(res);
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_BODY_LIMIT: String(BODY_LIMIT) } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    await buildUnit(admin, { name: "Sở Thông tin và Truyền thông" });
  });
  afterAll(async () => t?.close());

  it("refuses malformed JSON with invalid_json", async () => {
    for (const payload of ['{"name": "Sở', "not json at all", '{"name":"a",}']) {
      await refused(() => admin.request("POST", "/api/units", payload), 400, "invalid_json");
    }
  });

  it("refuses wrong types with field details in Vietnamese, or English on request", async () => {
    const vi = await refused(
      () => admin.request("POST", "/api/units", { name: 42, type: "department" }),
      400,
      "validation_failed",
    );
    expect(vi.message).toBe("Dữ liệu không hợp lệ");
    expect(vi.details).toEqual([{ path: "name", message: "Sai kiểu dữ liệu (cần string)" }]);
    const en = await refused(
      () =>
        admin.request("POST", "/api/units", { name: 42, type: "department" }, { "accept-language": "en" }),
      400,
      "validation_failed",
    );
    expect(en.message).toBe("Invalid input");
    expect(en.details).toEqual([{ path: "name", message: "Wrong type (expected string)" }]);
    const missing = await refused(
      () => admin.request("POST", "/api/people", { honorific: "Ông" }),
      400,
      "validation_failed",
    );
    expect(missing.details).toContainEqual({ path: "fullName", message: "Trường này là bắt buộc" });
    const enumValue = await refused(
      () => admin.request("POST", "/api/units", { name: "X", type: "galaxy" }),
      400,
      "validation_failed",
    );
    expect(enumValue.details?.[0]?.path).toBe("type");
    const query = await refused(
      () => admin.request("GET", "/api/units?pageSize=abc"),
      400,
      "validation_failed",
    );
    expect(query.details?.[0]?.path).toBe("querystring.pageSize");
  });

  it("refuses unknown fields, naming them", async () => {
    const err = await refused(
      () => admin.request("POST", "/api/units", { name: "Đơn vị", type: "department", isAdmin: true }),
      400,
      "validation_failed",
    );
    expect(err.details).toEqual([{ path: "", message: "Trường không được phép: isAdmin" }]);
    const unit = (await admin.request("GET", "/api/units")).body as { items: { id: string }[] };
    await refused(
      () => admin.request("PATCH", `/api/units/${unit.items[0]?.id}`, { createdAt: "2000-01-01" }),
      400,
      "validation_failed",
    );
    await refused(
      () =>
        admin.request("POST", "/api/auth/login", {
          email: t.adminEmail,
          password: t.adminPassword,
          roles: ["admin"],
        }),
      400,
      "validation_failed",
    );
  });

  it("refuses a body larger than the limit with 413", async () => {
    const big = { name: "Đơn vị", type: "department", shortName: "x".repeat(BODY_LIMIT) };
    const err = await refused(() => admin.request("POST", "/api/units", big), 413, "payload_too_large");
    expect(err.message).toBe("Dữ liệu gửi lên quá lớn");
  });

  it("refuses overlong strings", async () => {
    await refused(
      () => admin.request("POST", "/api/units", { name: "Đ".repeat(301), type: "department" }),
      400,
      "validation_failed",
    );
    await refused(
      () => admin.request("POST", "/api/people", { fullName: "Lê", phone: "1".repeat(51) }),
      400,
      "validation_failed",
    );
    await refused(() => admin.request("GET", `/api/people?q=${"a".repeat(201)}`), 400, "validation_failed");
    await refused(() => admin.request("GET", `/api/units/${"a".repeat(65)}`), 400, "validation_failed");
  });

  it("treats SQL in a search as text and refuses it as a sort", async () => {
    for (const q of ["' OR 1=1 --", "'; drop table units; --", '" OR ""="']) {
      const res = await admin.request("GET", `/api/units?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    }
    for (const sort of ["name;drop table units", "name desc", "folded_name", "-name,id"]) {
      await refused(
        () => admin.request("GET", `/api/units?sort=${encodeURIComponent(sort)}`),
        400,
        "validation_failed",
      );
    }
    const units = await admin.request("GET", "/api/units?sort=-name");
    expect((units.body as { total: number }).total).toBeGreaterThan(0);
  });

  it("matches % and _ in a search literally", async () => {
    await buildUnit(admin, { name: "Tỷ lệ 100% hoàn thành" });
    await buildUnit(admin, { name: "Mã ab_cd" });
    await buildUnit(admin, { name: "Mã abxcd" });
    const names = async (q: string) =>
      (
        (await admin.request("GET", `/api/units?q=${encodeURIComponent(q)}`)).body as {
          items: { name: string }[];
        }
      ).items.map((u) => u.name);
    expect(await names("%")).toEqual(["Tỷ lệ 100% hoàn thành"]);
    expect(await names("100%")).toEqual(["Tỷ lệ 100% hoàn thành"]);
    expect(await names("ab_cd")).toEqual(["Mã ab_cd"]);
    expect(await names("_")).toEqual(["Mã ab_cd"]);
    expect(await names("\\")).toEqual([]);
  });

  it("stores hostile text verbatim and returns it only as JSON", async () => {
    const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const person = await buildPerson(admin, { fullName: xss });
    expect(person.fullName).toBe(xss);
    const res = await admin.request("GET", `/api/people/${person.id}`);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect((res.body as { fullName: string }).fullName).toBe(xss);
    const found = await admin.request("GET", `/api/people?q=${encodeURIComponent("<script>")}`);
    expect((found.body as { items: { fullName: string }[] }).items.map((p) => p.fullName)).toEqual([xss]);
  });

  it("sets security headers and echoes a well-formed request id", async () => {
    const res = await admin.request("GET", "/api/units", undefined, { "x-request-id": "trace-abc-12345" });
    expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    expect(res.headers["x-request-id"]).toBe("trace-abc-12345");
    const forged = await admin.request("GET", "/api/units", undefined, {
      "x-request-id": "bad id\r\nwith junk",
    });
    expect(forged.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const error = await admin.request("GET", "/api/no-such-route", undefined, {
      "x-request-id": "trace-404-12345",
    });
    expect(error.status).toBe(404);
    expect(error.body).toMatchObject({ error: { code: "route_not_found" }, requestId: "trace-404-12345" });
    expect(error.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("publishes an OpenAPI 3.1 document and an HTML docs page", async () => {
    const spec = await admin.request("GET", "/api/openapi.json");
    expect(spec.status).toBe(200);
    const doc = spec.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/units", "/api/people", "/api/audit", "/api/auth/login"]),
    );
    expect(doc.paths["/api/units"]).toHaveProperty("post");
    const docs = await t.platform.app.inject({ method: "GET", url: "/api/docs" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toMatch(/^text\/html/);
    expect(docs.body).toContain("<h1>Hải Đăng API");
    expect(docs.body).toContain("/api/units");
    expect(docs.body).not.toContain("<script");
  });
});
