/**
 * The portal's own feeds are monitoring sources of the city's own; on a default start the portal listens
 * on a loopback address, which the fetcher's SSRF guard refuses. The operator's own portal — at its
 * configured public address (HAIDANG_PORTAL_URL) or its local listener — is a trusted origin and is
 * fetched; every other private address stays refused: another port of the same host, and a redirect
 * from the trusted origin to one. No HAIDANG_FETCH_ALLOW_PRIVATE here.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerPortalFeeds } from "../../src/cli/monitor.js";
import { createFetcher } from "../../src/modules/monitoring/fetch/fetch.client.js";
import { portalFeedUrl } from "../../src/modules/monitoring/monitoring-own-channels.js";
import { systemContext } from "../../src/platform/context.js";
import { buildPortalApp } from "../../src/portal/portal-app.js";
import type { PortalItem } from "../../src/shared/api/portal.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { freePort } from "../support/free-port.js";
import { signIn } from "../support/http.js";
import { type FixtureServer, serveText, startFixtureServer } from "./monitoring-support.js";

const doc = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

const rss = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title><link>http://x/</link><description>x</description><item><title>${title}</title><link>http://x/1</link><guid>g-1</guid><pubDate>Tue, 05 Mar 2024 01:00:00 GMT</pubDate><description>${title}</description></item></channel></rss>`;

describe.each(dialects())("the portal's own feeds fetched by monitoring on %s", (dialect) => {
  let t: TestPlatform;
  let portal: FastifyInstance;
  let portalUrl: string;
  let other: FixtureServer;

  const sourceIdOf = async (url: string) =>
    (
      await t.platform.services.db
        .selectFrom("monitoring_sources")
        .select("id")
        .where("url", "=", url)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    // The portal's port is the configured public address, as an operator would set it on one machine.
    const port = await freePort();
    portalUrl = `http://127.0.0.1:${port}`;
    t = await startTestPlatform({ dialect, env: { HAIDANG_PORTAL_URL: portalUrl } });
    const admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    const created = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      source: {
        title: "Hải Phòng khai trương tuyến tàu mới tới Cát Bà",
        summary: "Tuyến tàu mới rút ngắn thời gian đi Cát Bà.",
        body: doc("Tuyến tàu cao tốc mới nối Hải Phòng với Cát Bà."),
      },
    });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as PortalItem).id;
    for (const [who, to] of [
      [admin, "review"],
      [editor, "approved"],
      [editor, "published"],
    ] as const) {
      const res = await who.request("POST", `/api/portal/items/${id}/localizations/vi/transition`, { to });
      expect(res.status, res.text).toBe(200);
    }
    portal = (
      await buildPortalApp({
        db: t.platform.services.db,
        languages: ["vi", "en"],
        publicUrl: portalUrl,
        cacheMs: 0,
        viewFlushMs: 60_000,
      })
    ).app;
    await portal.listen({ port, host: "127.0.0.1" });
    other = await startFixtureServer();
    other.routes.set("/rss.xml", serveText(rss("Tin từ một máy nội bộ khác")));
  });
  afterAll(async () => {
    await portal?.close();
    await other?.close();
    await t?.close();
  });

  it("fetches the portal's own feed at its configured loopback address", async () => {
    await registerPortalFeeds(t.platform.services, portalUrl, ["vi"]);
    const id = await sourceIdOf(portalFeedUrl(portalUrl, "vi"));
    const r = await t.platform.services.monitoring.pipeline.pollSource(id);
    expect(r.status, r.errorCode).toBe("ok");
    expect(r.stored).toBe(1);
    const stored = await t.platform.services.db
      .selectFrom("monitoring_items")
      .select("title")
      .where("source_id", "=", id)
      .execute();
    expect(stored.map((s) => s.title)).toEqual(["Hải Phòng khai trương tuyến tàu mới tới Cát Bà"]);
  });

  it("still refuses any other private address: another port of the same host", async () => {
    const m = t.platform.services.monitoring;
    await m.sources.insert(t.platform.services.db, systemContext(), {
      name: "Máy nội bộ",
      url: `${other.origin}/rss.xml`,
      format: "rss",
      country: "VN",
      language: "vi",
      outletType: "domestic_press",
      pollMinutes: 60,
      isActive: true,
      fetchPages: false,
      isOwnChannel: false,
    });
    const id = await sourceIdOf(`${other.origin}/rss.xml`);
    const r = await m.pipeline.pollSource(id);
    expect(r.status).toBe("error");
    expect(r.errorCode).toBe("fetch_blocked_address");
    expect(other.hits.get("/rss.xml") ?? 0).toBe(0);
  });

  it("trusts the portal's listener once serve knows its address, and follows no redirect out of it", async () => {
    const own = await startFixtureServer();
    try {
      own.routes.set("/vi/rss.xml", serveText(rss("Tin của Cổng")));
      own.routes.set("/redirect", (_req, res) => {
        res.writeHead(302, { location: `${other.origin}/rss.xml` }).end();
      });
      const fetcher = createFetcher({ allowPrivate: false });
      await expect(fetcher.fetch({ url: `${own.origin}/vi/rss.xml` })).rejects.toMatchObject({
        code: "fetch_blocked_address",
      });
      fetcher.trustOrigin?.(own.origin);
      const ok = await fetcher.fetch({ url: `${own.origin}/vi/rss.xml` });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain("Tin của Cổng");
      // The trust is the origin's, not the host's, and does not carry over a redirect.
      await expect(fetcher.fetch({ url: `${other.origin}/rss.xml` })).rejects.toMatchObject({
        code: "fetch_blocked_address",
      });
      await expect(fetcher.fetch({ url: `${own.origin}/redirect` })).rejects.toMatchObject({
        code: "fetch_blocked_address",
      });
      expect(other.hits.get("/rss.xml") ?? 0).toBe(0);
    } finally {
      await own.close();
    }
  });
});
