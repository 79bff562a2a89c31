/** Alerts (signed webhook to a real local receiver, in-app), response cases with row-level access, statistics, CLI analyze. */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverageFigures } from "../../src/modules/monitoring/stats/coverage.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { runCli } from "../support/cli.js";
import { dialects } from "../support/db.js";
import { type Client, signIn } from "../support/http.js";

describe.each(dialects())("monitoring workflow on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let receiver: http.Server;
  let hookUrl = "";
  const received: { body: string; signature: string; timestamp: string }[] = [];

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_FETCH_ALLOW_PRIVATE: "true" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({
          body,
          signature: String(req.headers["x-haidang-signature"]),
          timestamp: String(req.headers["x-haidang-timestamp"]),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
    await t?.close();
  });

  const post = async (text: string, publishedAt: string) => {
    const res = await admin.request("POST", "/api/monitoring/items/manual", {
      text,
      platform: "facebook",
      author: "X",
      publishedAt,
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; storyId: string };
  };

  it("fires a new-match alert once: in-app notification and an HMAC-signed webhook", async () => {
    const secret = "s3cret-for-webhook-signing";
    const saved = await admin.request("POST", "/api/monitoring/saved-searches", {
      name: "Tin xuyên tạc",
      query: '"xuyên tạc" hải phòng',
      alertOnNew: true,
      channels: { inApp: true, emails: [], webhook: { url: hookUrl, secret } },
    });
    expect(saved.status, saved.text).toBe(201);
    const savedId = (saved.body as { id: string }).id;
    expect(JSON.stringify(saved.body)).not.toContain(secret);
    await post(
      "Trang mạng đăng tin xuyên tạc về công tác giải phóng mặt bằng ở Hải Phòng.",
      "2024-05-02T02:00:00Z",
    );
    await post("Giá vàng hôm nay tăng nhẹ.", "2024-05-02T02:00:00Z");
    const { monitoring, jobs } = t.platform.services;
    const at = new Date(Date.now() + 1000);
    expect(await monitoring.alerts.checkAll(at)).toEqual([{ savedSearchId: savedId, kinds: ["new"] }]);
    expect(await monitoring.alerts.checkAll(at)).toEqual([]); // nothing new: nothing fires twice
    while ((await jobs.tick()) > 0) {}
    expect(received).toHaveLength(1);
    const hit = received[0] as (typeof received)[number];
    const expected = `sha256=${createHmac("sha256", secret).update(`${hit.timestamp}.${hit.body}`).digest("hex")}`;
    expect(hit.signature).toBe(expected);
    expect(JSON.parse(hit.body)).toMatchObject({
      event: { kind: "new", count: 1 },
      savedSearch: { id: savedId },
    });
    const detail = (await admin.request("GET", `/api/monitoring/saved-searches/${savedId}`)).body as {
      events: { kind: string }[];
    };
    expect(detail.events.map((e) => e.kind)).toEqual(["new"]);
    const notes = await t.platform.database.db
      .selectFrom("notifications")
      .select("kind")
      .where("kind", "=", "monitoring_alert")
      .execute();
    expect(notes).toHaveLength(1);
  });

  it("refuses a webhook to a private address when private fetching is off", async () => {
    const { postWebhook } = await import("../../src/modules/monitoring/alerts/webhook.post.js");
    await expect(
      postWebhook({ url: hookUrl, secret: "x".repeat(16) }, {}, { allowPrivate: false }),
    ).rejects.toMatchObject({ code: "fetch_blocked_address" });
  });

  it("runs response cases: open from an item, board by state, member sees only assigned cases", async () => {
    const item = await post("Bài viết sai sự thật về cảng Hải Phòng cần phản bác.", "2024-05-03T02:00:00Z");
    const unit = (
      await admin.request("POST", "/api/units", { name: "Sở Thông tin và Truyền thông", type: "department" })
    ).body as { id: string };
    const person = (
      await admin.request("POST", "/api/people", { fullName: "Nguyễn Văn Thành", unitId: unit.id })
    ).body as { id: string };
    const created = await admin.request("POST", "/api/monitoring/cases", {
      itemId: item.id,
      assessment: "false",
      assigneeUnitId: unit.id,
      deadline: "2024-05-10",
    });
    expect(created.status, created.text).toBe(201);
    const c = created.body as { id: string; version: number; storyId: string; state: string };
    expect(c).toMatchObject({ state: "open", storyId: item.storyId });
    // The case names whom it is assigned to: lists need no directory lookups.
    expect(created.body).toMatchObject({
      assigneeUnitName: "Sở Thông tin và Truyền thông",
      assigneePersonName: null,
    });
    const other = await admin.request("POST", "/api/monitoring/cases", {
      itemId: item.id,
      assessment: "misleading",
    });
    expect(other.status).toBe(201);
    expect((await admin.request("POST", "/api/monitoring/cases", { assessment: "false" })).status).toBe(400);
    expect(
      (
        await admin.request("POST", "/api/monitoring/cases", {
          itemId: item.id,
          assessment: "false",
          taskId: "no-such-task",
        })
      ).status,
    ).toBe(400);

    const user = await t.platform.services.users.create(
      {
        actor: { userId: "test", displayName: "t", roles: ["admin"], personId: null },
        requestId: null,
        ip: null,
        lang: "vi",
      },
      {
        email: "member@test.local",
        displayName: "Thành",
        roles: ["member"],
        password: "Member-password-2024",
        personId: person.id,
      },
    );
    expect(user.user.email).toBe("member@test.local");
    const member = await signIn(t.platform.app, "member@test.local", "Member-password-2024");
    const board = (await member.request("GET", "/api/monitoring/cases")).body as Record<
      string,
      { id: string }[]
    >;
    expect(board.open?.map((x) => x.id)).toEqual([c.id]);
    expect(
      (await member.request("GET", `/api/monitoring/cases/${(other.body as { id: string }).id}`)).status,
    ).toBe(404);
    const updated = await member.request("PATCH", `/api/monitoring/cases/${c.id}`, {
      version: c.version,
      state: "in_progress",
      actions: [{ kind: "press_informed", note: "Cung cấp thông tin cho báo chí" }],
      evidence: [{ url: "https://baothidu.vn/phan-bac.html", title: "Bài phản bác" }],
    });
    expect(updated.status, updated.text).toBe(200);
    expect(
      (
        await member.request("PATCH", `/api/monitoring/cases/${c.id}`, {
          version: c.version,
          state: "resolved",
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await member.request("PATCH", `/api/monitoring/cases/${c.id}`, {
          version: c.version + 1,
          assigneeUnitId: null,
        })
      ).status,
    ).toBe(403);
    expect(
      (await member.request("POST", "/api/monitoring/sources", { name: "x", url: "https://x.vn/rss" }))
        .status,
    ).toBe(403);
    // Resolving stamps when; moving on to closed keeps it; reopening clears it.
    const patch = async (body: Record<string, unknown>) => {
      const current = (await member.request("GET", `/api/monitoring/cases/${c.id}`)).body as {
        version: number;
      };
      const res = await member.request("PATCH", `/api/monitoring/cases/${c.id}`, {
        version: current.version,
        ...body,
      });
      expect(res.status, res.text).toBe(200);
      return res.body as { closedAt: string | null };
    };
    expect((await patch({ state: "in_progress" })).closedAt).toBeNull();
    const resolved = await patch({ state: "resolved" });
    expect(resolved.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await patch({ state: "closed" })).closedAt).toBe(resolved.closedAt);
    expect((await patch({ state: "in_progress" })).closedAt).toBeNull();
    const audit = await t.platform.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "monitoring_case")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("counts coverage by period and dimension, exports XLSX, and gives report figures", async () => {
    const res = await admin.request(
      "GET",
      "/api/monitoring/stats/coverage?from=2024-05-01&to=2024-05-31&granularity=month&dimension=language",
    );
    expect(res.status, res.text).toBe(200);
    expect(
      (res.body as { rows: { period: string; count: number }[] }).rows.every((r) => r.period === "2024-05"),
    ).toBe(true);
    const figures = await coverageFigures(t.platform.database.db, "2024-05-01", "2024-05-31");
    expect(figures.total).toBe(3);
    expect(figures.byOutletType.social_media).toBe(3);
    const week = (
      await admin.request(
        "GET",
        "/api/monitoring/stats/coverage?from=2024-05-01&to=2024-05-31&granularity=week&dimension=tone",
      )
    ).body as { rows: { period: string }[] };
    expect(week.rows[0]?.period).toBe("2024-W18");
    const top = (await admin.request("GET", "/api/monitoring/stats/top?from=2024-05-01&to=2024-05-31"))
      .body as { outlets: { n: number }[] };
    expect(top.outlets[0]?.n).toBe(3);
    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: "/api/monitoring/stats/export.xlsx?from=2024-05-01&to=2024-05-31",
      headers: { cookie: admin.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("filters the feed by flag: the item flagged possibly false, not the ordinary one", async () => {
    await post(
      "Nguồn tin giấu tên lan truyền chuyện cướp đất ở Hải Phòng, chưa được kiểm chứng.",
      "2024-05-04T02:00:00Z",
    );
    const res = await admin.request("GET", "/api/monitoring/items?flag=check_false_info&pageSize=200");
    expect(res.status, res.text).toBe(200);
    const items = (res.body as { items: { title: string; flags: string[] }[] }).items;
    expect(items.some((i) => /cướp đất/.test(i.title))).toBe(true);
    expect(items.some((i) => /Giá vàng/.test(i.title))).toBe(false);
    expect(items.every((i) => i.flags.includes("check_false_info"))).toBe(true);
  });

  // `monitor analyze` touches no database: once is enough, not once per dialect.
  const itOnce = dialect === "sqlite" ? it : () => {};
  itOnce("CLI: monitor analyze FILE --json prints the analysis without a database", async () => {
    const r = await runCli(
      ["monitor", "analyze", "test/fixtures/monitoring/articles/vi-01-cang-lach-huyen.txt", "--json"],
      { PATH: process.env.PATH, HOME: process.env.HOME, HAIDANG_DATA_DIR: "/nonexistent/haidang" },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual([
      "flags",
      "language",
      "mentions",
      "mentionsCity",
      "tone",
      "topics",
      "why",
    ]);
    expect(out).toMatchObject({ language: "vi", mentionsCity: true });
  });
});
