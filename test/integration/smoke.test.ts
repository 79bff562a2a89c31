import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { signIn } from "../support/http.js";

describe.each(dialects())("smoke on %s", (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ dialect, demo: true });
  });
  afterAll(async () => t?.close());

  it("signs in and lists units", async () => {
    const c = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const res = await c.request("GET", "/api/units");
    expect(res.status).toBe(200);
    expect((res.body as { total: number }).total).toBeGreaterThan(3);
  });
});
