/**
 * The portal tied to monitoring: a rebuttal article (bài phản bác) linked to a response case shows on
 * the case with its languages and views and counts in the case's report figures; the portal's own
 * feeds, registered as the city's own channel, are ingested as usual but never counted as press
 * coverage at home or abroad — they are counted apart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePortalOwnChannels } from "../../src/modules/monitoring/monitoring-own-channels.js";
import type { CoverageFigures } from "../../src/modules/monitoring/stats/coverage.js";
import { systemContext } from "../../src/platform/context.js";
import type { PortalItem } from "../../src/shared/api/portal.js";
import type { CaseRebuttals, ItemCase } from "../../src/shared/api/portal-rebuttals.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import type { Client } from "../support/http.js";
import { signIn } from "../support/http.js";
import { type FixtureServer, serveText, startFixtureServer } from "./monitoring-support.js";

const doc = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const codeOf = (body: unknown) => (body as { error: { code: string } }).error.code;

/** An RSS 2.0 feed of items about the city, dated in March 2024. */
function rss(origin: string, prefix: string, titles: string[]) {
  const items = titles
    .map(
      (title, i) => `<item><title>${title}</title><link>${origin}/${prefix}/${i}.html</link>
<guid>${prefix}-${i}</guid><pubDate>Tue, 05 Mar 2024 0${i}:00:00 GMT</pubDate>
<description>${title}. Thành phố Hải Phòng phát triển cảng Lạch Huyện, thu hút đầu tư và du lịch Cát Bà.</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${prefix}</title>
<link>${origin}/</link><description>${prefix}</description>${items}</channel></rss>`;
}

describe.each(dialects())("portal and monitoring on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let editor: Client;
  let server: FixtureServer;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_FETCH_ALLOW_PRIVATE: "true" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  async function publishedArticle(title: string) {
    const res = await editor.request("POST", "/api/portal/items", {
      kind: "article",
      source: { title, summary: "Tóm tắt", body: doc("Thông tin chính thức của thành phố.") },
    });
    expect(res.status, res.text).toBe(201);
    const id = (res.body as PortalItem).id;
    const en = await editor.request("PUT", `/api/portal/items/${id}/localizations/en`, {
      title: `${title} (EN)`,
      summary: "Summary",
      body: doc("The city's official information."),
    });
    expect(en.status, en.text).toBe(200);
    return id;
  }

  async function publish(id: string, lang: string) {
    const admin2 = admin;
    for (const to of ["review", "approved", "published"]) {
      const who = to === "approved" ? admin2 : editor;
      const res = await who.request("POST", `/api/portal/items/${id}/localizations/${lang}/transition`, {
        to,
      });
      expect(res.status, `${lang} → ${to}: ${res.text}`).toBe(200);
    }
  }

  it("links a rebuttal article to a response case: the case lists it per language with views, audited", async () => {
    const manual = await admin.request("POST", "/api/monitoring/items/manual", {
      text: "Tin đồn sai sự thật: Hải Phòng cấm xe máy vào trung tâm từ tháng sau.",
      title: "Tin đồn cấm xe máy",
      publishedAt: "2024-03-04T02:00:00Z",
    });
    expect(manual.status, manual.text).toBe(201);
    const opened = await admin.request("POST", "/api/monitoring/cases", {
      itemId: (manual.body as { id: string }).id,
      assessment: "false",
    });
    expect(opened.status, opened.text).toBe(201);
    const caseId = (opened.body as { id: string }).id;

    const itemId = await publishedArticle("Thành phố không cấm xe máy");
    await publish(itemId, "vi");
    const other = await publishedArticle("Bài chưa đăng");

    const linked = await admin.request("PUT", `/api/monitoring/cases/${caseId}/rebuttals/${itemId}`);
    expect(linked.status, linked.text).toBe(200);
    expect((await admin.request("PUT", `/api/monitoring/cases/${caseId}/rebuttals/${other}`)).status).toBe(
      200,
    );
    // Linking twice changes nothing.
    expect((await admin.request("PUT", `/api/monitoring/cases/${caseId}/rebuttals/${itemId}`)).status).toBe(
      200,
    );

    await t.platform.services.db
      .insertInto("portal_views")
      .values([
        { item_id: itemId, lang: "vi", day: "2024-03-06", referrer_domain: "", views: 40 },
        { item_id: itemId, lang: "vi", day: "2024-03-07", referrer_domain: "facebook.com", views: 2 },
      ])
      .execute();
    const list = (await admin.request("GET", `/api/monitoring/cases/${caseId}/rebuttals`))
      .body as CaseRebuttals;
    expect(list.items.map((i) => i.sourceTitle)).toEqual(["Thành phố không cấm xe máy", "Bài chưa đăng"]);
    const first = list.items[0];
    expect(first?.languages.find((l) => l.lang === "vi")).toMatchObject({ state: "published", views: 42 });
    expect(first?.languages.find((l) => l.lang === "vi")?.publicPath).toMatch(/^\/vi\//);
    expect(first?.languages.find((l) => l.lang === "en")).toMatchObject({
      state: "translating",
      publicPath: null,
    });
    expect(list.figures).toEqual({ items: 2, published: 1, languages: 1, views: 42 });

    // The item's page names the case; an item can answer only one case.
    const ofItem = (await editor.request("GET", `/api/portal/items/${itemId}/response-case`))
      .body as ItemCase;
    expect(ofItem.case).toMatchObject({ id: caseId, assessment: "false" });
    const second = await admin.request("POST", "/api/monitoring/cases", {
      itemId: (manual.body as { id: string }).id,
      assessment: "misleading",
      title: "Hồ sơ khác",
    });
    const elsewhere = await admin.request(
      "PUT",
      `/api/monitoring/cases/${(second.body as { id: string }).id}/rebuttals/${itemId}`,
    );
    expect(elsewhere.status).toBe(409);
    expect(codeOf(elsewhere.body)).toBe("portal_rebuttal_linked_elsewhere");

    // Only those who work cases link (an editor has no monitoring.case).
    expect((await editor.request("PUT", `/api/monitoring/cases/${caseId}/rebuttals/${other}`)).status).toBe(
      403,
    );

    // The report figures of the period count the case's published rebuttal.
    const figures = await t.platform.services.monitoring.reportFigures.forPeriod("2024-01-01", "2030-12-31");
    expect(figures.cases.find((c) => c.id === caseId)?.rebuttals).toEqual({
      items: 2,
      published: 1,
      languages: 1,
      views: 42,
    });

    const unlinked = await admin.request("DELETE", `/api/monitoring/cases/${caseId}/rebuttals/${other}`);
    expect(unlinked.status).toBe(204);
    const again = await admin.request("DELETE", `/api/monitoring/cases/${caseId}/rebuttals/${other}`);
    expect(again.status).toBe(404);
    expect(codeOf(again.body)).toBe("portal_rebuttal_not_found");

    const journal = await t.platform.services.db
      .selectFrom("audit_log")
      .select(["action"])
      .where("entity_id", "=", caseId)
      .where("action", "like", "rebuttal%")
      .execute();
    expect(journal.map((j) => j.action).sort()).toEqual([
      "rebuttal_link",
      "rebuttal_link",
      "rebuttal_unlink",
    ]);
  });

  it("ingests the portal's own feed as usual but counts it apart from press at home and abroad", async () => {
    server.routes.set(
      "/portal/vi/rss.xml",
      serveText(rss(server.origin, "cong", ["Hải Phòng đón tàu", "Cát Bà mùa lễ hội", "Đầu tư vào cảng"])),
    );
    server.routes.set("/press/rss.xml", serveText(rss(server.origin, "bao", ["Báo viết về cảng Hải Phòng"])));
    const own = await admin.request("POST", "/api/monitoring/sources", {
      name: "Cổng Thông tin đối ngoại (vi)",
      url: `${server.origin}/portal/vi/rss.xml`,
      outletType: "government",
      isOwnChannel: true,
    });
    expect(own.status, own.text).toBe(201);
    expect((own.body as { isOwnChannel: boolean }).isOwnChannel).toBe(true);
    const press = await admin.request("POST", "/api/monitoring/sources", {
      name: "Báo ngoài",
      url: `${server.origin}/press/rss.xml`,
      outletType: "foreign_press",
      country: "SG",
    });
    expect(press.status, press.text).toBe(201);

    const before = (await admin.request("GET", "/api/monitoring/stats/figures?from=2024-03-01&to=2024-03-31"))
      .body as CoverageFigures;
    await t.platform.services.monitoring.enqueueDuePolls();
    while ((await t.platform.services.jobs.tick()) > 0) {}

    const ownItems = await admin.request(
      "GET",
      `/api/monitoring/items?sourceId=${(own.body as { id: string }).id}`,
    );
    expect((ownItems.body as { total: number }).total).toBe(3);

    const after = (await admin.request("GET", "/api/monitoring/stats/figures?from=2024-03-01&to=2024-03-31"))
      .body as CoverageFigures;
    // Outside coverage grew by the press item only; the own channel is counted apart.
    expect(after.total - before.total).toBe(1);
    expect(after.foreignPress - before.foreignPress).toBe(1);
    expect((after.byOutletType.government ?? 0) - (before.byOutletType.government ?? 0)).toBe(0);
    expect(after.ownChannel.total).toBe(3);

    const top = (await admin.request("GET", "/api/monitoring/stats/top?from=2024-03-01&to=2024-03-31"))
      .body as {
      outlets: { name: string }[];
    };
    expect(top.outlets.map((o) => o.name)).not.toContain("Cổng Thông tin đối ngoại (vi)");

    const report = await t.platform.services.monitoring.reportFigures.forPeriod("2024-03-01", "2024-03-31");
    expect(report.ownChannel?.total).toBe(3);
    expect(report.topOutlets.map((o) => o.name)).not.toContain("Cổng Thông tin đối ngoại (vi)");
    expect(report.byOutletType.government ?? 0).toBe(0);

    // Turning the flag off makes the same items outside coverage again (nothing was lost).
    await admin.request("PATCH", `/api/monitoring/sources/${(own.body as { id: string }).id}`, {
      isOwnChannel: false,
    });
    const unflagged = (
      await admin.request("GET", "/api/monitoring/stats/figures?from=2024-03-01&to=2024-03-31")
    ).body as CoverageFigures;
    expect(unflagged.total - after.total).toBe(3);
    expect(unflagged.ownChannel.total).toBe(0);
  });

  it("registers the portal's feed of each language as an own channel once, re-flagging an existing source", async () => {
    const publicUrl = "https://cong.haiphong.example";
    const plain = await admin.request("POST", "/api/monitoring/sources", {
      name: "RSS tiếng Anh của Cổng (đã thêm tay)",
      url: `${publicUrl}/en/rss.xml`,
    });
    expect(plain.status, plain.text).toBe(201);
    const { services } = t.platform;
    const deps = {
      db: services.db,
      sources: services.monitoring.sources,
      repository: services.monitoring.repositories.sources,
      audit: services.audit,
    };
    const first = await ensurePortalOwnChannels(deps, systemContext(), {
      publicUrl,
      languages: ["vi", "en", "zh"],
    });
    expect(first).toEqual({
      created: [`${publicUrl}/vi/rss.xml`, `${publicUrl}/zh/rss.xml`],
      flagged: [`${publicUrl}/en/rss.xml`],
    });
    const again = await ensurePortalOwnChannels(deps, systemContext(), {
      publicUrl,
      languages: ["vi", "en", "zh"],
    });
    expect(again).toEqual({ created: [], flagged: [] });
    const en = (await admin.request("GET", `/api/monitoring/sources/${(plain.body as { id: string }).id}`))
      .body as {
      isOwnChannel: boolean;
    };
    expect(en.isOwnChannel).toBe(true);
  });
});
