/**
 * The public portal served by several `haidang portal` processes on one database (SQLite file and
 * PostgreSQL): a text published through the work platform is served by every process within a second
 * although each keeps its rendered pages and its search index in memory, and a withdrawn one is gone from
 * all of them. On PostgreSQL, `haidang portal` also runs with a role that may only read (and count page
 * views): pages and search serve, views are counted, and nothing else can be written with its account.
 */
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { cliEnv, spawnCli } from "../support/cli.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const doc = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130" };

interface PortalProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

async function startPortal(env: NodeJS.ProcessEnv): Promise<PortalProcess> {
  const child = spawnCli(["portal"], env);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[^\s)]+)/.exec(output);
      if (m) resolve(m[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`haidang portal exited ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`haidang portal did not start: ${output}`)), 60_000).unref();
  });
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function get(url: string) {
  const res = await fetch(url, { headers: BROWSER });
  return { status: res.status, body: await res.text() };
}

/** Polls every process until `check` holds in all of them; returns the time taken, or fails after `boundMs`. */
async function untilAll(
  processes: PortalProcess[],
  path: string,
  check: (r: { status: number; body: string }) => boolean,
  boundMs: number,
): Promise<number> {
  const started = Date.now();
  const pending = new Set(processes);
  let last = { status: 0, body: "" };
  while (pending.size > 0) {
    for (const p of [...pending]) {
      last = await get(`${p.url}${path}`);
      if (check(last)) pending.delete(p);
    }
    if (pending.size === 0) break;
    if (Date.now() - started > boundMs)
      throw new Error(
        `${path}: not served as expected within ${boundMs} ms (last: ${last.status}); ${processes.map((p) => p.output().slice(-1500)).join("\n")}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}

describe.each(dialects())("portal processes on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let editor: Client;
  let portals: PortalProcess[] = [];
  let itemId: string;

  async function transition(lang: string, to: string, by: Client = editor) {
    const res = await by.request("POST", `/api/portal/items/${itemId}/localizations/${lang}/transition`, {
      to,
    });
    expect(res.status, `${lang} → ${to}: ${res.text}`).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    const env = cliEnv(t.config.dataDir, t.config.database, {
      HOST: "127.0.0.1",
      HAIDANG_PORTAL_URL: "https://portal.test",
    });
    portals = await Promise.all([startPortal(env), startPortal(env)]);
  });
  afterAll(async () => {
    await Promise.all(portals.map((p) => p.stop()));
    await t?.close();
  });

  it("serves a publication from every process within a second, and a withdrawal as not found", async () => {
    const created = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      source: {
        title: "Lễ hội Hoa Phượng Đỏ khai mạc",
        summary: "Thành phố hoa phượng đỏ mở màn lễ hội.",
        body: doc("Lễ hội Hoa Phượng Đỏ năm nay có chương trình nghệ thuật trên quảng trường."),
      },
    });
    expect(created.status, created.text).toBe(201);
    itemId = (created.body as { id: string }).id;
    const path = "/vi/le-hoi-hoa-phuong-do-khai-mac";
    // Every process has answered (and cached) the not-yet-published address, and the home page.
    for (const p of portals) {
      expect((await get(`${p.url}${path}`)).status).toBe(404);
      expect((await get(`${p.url}/vi/`)).body).not.toContain("Lễ hội Hoa Phượng Đỏ khai mạc");
    }

    await transition("vi", "review", admin);
    await transition("vi", "approved");
    await transition("vi", "published");
    await untilAll(
      portals,
      path,
      (r) => r.status === 200 && r.body.includes("Lễ hội Hoa Phượng Đỏ khai mạc"),
      1000,
    );
    await untilAll(portals, "/vi/", (r) => r.body.includes("Lễ hội Hoa Phượng Đỏ khai mạc"), 1000);
    // The search index of each process follows too (accents folded).
    await untilAll(
      portals,
      `/vi/search?q=${encodeURIComponent("hoa phuong")}`,
      (r) => r.body.includes("Lễ hội Hoa Phượng Đỏ khai mạc"),
      1000,
    );

    // Withdrawn: gone from the page, the home page and the search of every process.
    await transition("vi", "approved");
    await untilAll(portals, path, (r) => r.status === 404, 1000);
    await untilAll(portals, "/vi/", (r) => !r.body.includes("Lễ hội Hoa Phượng Đỏ khai mạc"), 1000);
    await untilAll(
      portals,
      `/vi/search?q=${encodeURIComponent("hoa phuong")}`,
      (r) => r.status === 200 && !r.body.includes("Lễ hội Hoa Phượng Đỏ khai mạc"),
      1000,
    );

    // Published again, with the RSS, Atom and JSON feeds of every process following.
    await transition("vi", "published");
    for (const feed of ["/vi/rss.xml", "/vi/atom.xml", "/vi/feed.json"])
      await untilAll(
        portals,
        feed,
        (r) => r.status === 200 && r.body.includes("Lễ hội Hoa Phượng Đỏ khai mạc"),
        1000,
      );
  });

  // A database role exists on PostgreSQL only (SQLite is one file): this case is PostgreSQL's.
  if (dialect === "postgres")
    it("runs with a role that can only read and count views: pages serve, nothing else can be written", async () => {
      const database = t.config.database;
      if (database.kind !== "postgres") throw new Error("postgres only");
      const owner = new pg.Client({ connectionString: database.url });
      await owner.connect();
      const dbName = new URL(database.url).pathname.slice(1);
      const role = `portal_reader_${dbName}`;
      try {
        // The SQL of docs/deployment.md ("Public portal on a read-only role").
        await owner.query(`create role ${role} login password 'portal-reader-pw'`);
        await owner.query(`grant connect on database ${dbName} to ${role}`);
        await owner.query(`grant usage on schema public to ${role}`);
        await owner.query(`grant select on all tables in schema public to ${role}`);
        await owner.query(`grant insert, update on portal_views to ${role}`);
      } finally {
        await owner.end();
      }
      const readerUrl = new URL(database.url);
      readerUrl.username = role;
      readerUrl.password = "portal-reader-pw";
      const reader = await startPortal(
        cliEnv(t.config.dataDir, database, {
          HOST: "127.0.0.1",
          HAIDANG_PORTAL_URL: "https://portal.test",
          HAIDANG_PORTAL_DATABASE_URL: readerUrl.toString(),
          // The main account's address is not even given to this process.
          DATABASE_URL: "",
        }),
      );
      try {
        const page = await get(`${reader.url}/vi/le-hoi-hoa-phuong-do-khai-mac`);
        expect(page.status).toBe(200);
        expect(page.body).toContain("Lễ hội Hoa Phượng Đỏ khai mạc");
        const found = await get(`${reader.url}/vi/search?q=${encodeURIComponent("phượng")}`);
        expect(found.body).toContain("Lễ hội Hoa Phượng Đỏ khai mạc");
        expect((await get(`${reader.url}/sitemap.xml`)).body).toContain("le-hoi-hoa-phuong-do-khai-mac");
        // No work-platform route in this process.
        expect((await fetch(`${reader.url}/api/portal/items`, { method: "POST" })).status).toBe(404);

        // Views are counted through the one table the role may write (written every few seconds).
        const views = async () => {
          const r = await t.platform.services.db
            .selectFrom("portal_views")
            .select((eb) => eb.fn.sum<number>("views").as("n"))
            .where("item_id", "=", itemId)
            .executeTakeFirst();
          return Number(r?.n ?? 0);
        };
        const before = await views();
        await get(`${reader.url}/vi/le-hoi-hoa-phuong-do-khai-mac`);
        const deadline = Date.now() + 15_000;
        while ((await views()) <= before && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 200));
        expect(await views()).toBeGreaterThan(before);

        // Whatever the process might try, its account cannot change content, people or the schema.
        const asReader = new pg.Client({ connectionString: readerUrl.toString() });
        await asReader.connect();
        try {
          for (const statement of [
            "update portal_localizations set title = 'x'",
            "delete from portal_items",
            "insert into portal_slug_redirects (lang, slug, item_id, created_at) values ('vi', 'x', 'x', 'x')",
            "delete from users",
            "create table intruder (id text)",
          ])
            await expect(asReader.query(statement), statement).rejects.toMatchObject({
              code: "42501",
            });
        } finally {
          await asReader.end();
        }
      } finally {
        await reader.stop();
      }
    });
});
