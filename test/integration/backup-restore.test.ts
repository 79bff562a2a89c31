/**
 * A backup holds the database and the uploaded files together. Restored into an empty database and
 * an empty data directory, every programme source, import source, evidence file and directive
 * document downloads again through the HTTP API with the same bytes and name. A damaged archive is
 * refused before anything is replaced.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore } from "../../src/cli/backup.js";
import type { Config } from "../../src/config/config.js";
import { createPlatform, type Platform } from "../../src/main.js";
import { openDatabase } from "../../src/platform/db/database.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";
import { buildPerson, buildProgramme, buildSignedInUser, buildTask } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface Download {
  url: string;
  sha256: string;
  disposition: string;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const EVIDENCE_BYTES = Buffer.from("%PDF-1.7\nbien ban kiem tra tien do, ban duy nhat de kiem tra sao luu\n");

/** Every download the API offers for a stored file, found from the rows that refer to one. */
async function downloadUrls(platform: Platform): Promise<string[]> {
  const { db } = platform.database;
  const evidence = await db
    .selectFrom("check_in_evidence")
    .select("id")
    .where("file_id", "is not", null)
    .execute();
  const dueDates = await db
    .selectFrom("task_due_dates")
    .select("id")
    .where("file_id", "is not", null)
    .execute();
  const programmes = await db
    .selectFrom("programmes")
    .select("id")
    .where("source_file_id", "is not", null)
    .execute();
  const drafts = await db.selectFrom("import_drafts").select("id").execute();
  return [
    ...evidence.map((r) => `/api/evidence/${r.id}/file`),
    ...dueDates.map((r) => `/api/due-dates/${r.id}/file`),
    ...programmes.map((r) => `/api/programmes/${r.id}/source`),
    ...drafts.map((r) => `/api/imports/${r.id}/source`),
  ].sort();
}

async function downloadAll(platform: Platform, client: Client): Promise<Download[]> {
  const out: Download[] = [];
  for (const url of await downloadUrls(platform)) {
    const res = await platform.app.inject({ method: "GET", url, headers: { cookie: client.cookie } });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    out.push({
      url,
      sha256: sha256(res.rawPayload),
      disposition: String(res.headers["content-disposition"]),
    });
  }
  return out;
}

describe.each(dialects())("backup and restore with files on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  const spares: TestDatabase[] = [];
  let archive: string;

  /** An empty database and data directory, configured like the original. */
  async function emptyCopy(): Promise<Config> {
    const spare = await createTestDatabase(dialect);
    spares.push(spare);
    return { ...t.config, dataDir: spare.dataDir, database: spare.database };
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, demo: true });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    // Evidence on a task of its own: two officials, the same bytes under two names, and a directive.
    const person = await buildPerson(admin, { fullName: "Phạm Văn Sao Lưu" });
    const member = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id }))
      .client;
    const programme = await buildProgramme(t.platform);
    const task = await buildTask(t.platform, programme.id, {
      ref: "7",
      parties: [{ role: "lead", name: "Phạm Văn Sao Lưu", personId: person.id }],
    });
    for (const [name, bytes] of [
      ["Biên bản kiểm tra.pdf", EVIDENCE_BYTES],
      ["Ảnh hội nghị.txt", Buffer.from("anh hoi nghi (mo ta)\n")],
      ["Bản sao biên bản.pdf", EVIDENCE_BYTES],
    ] as const) {
      const created = await member.request("POST", `/api/tasks/${task.id}/check-ins`, {
        period: "2024-Q3",
        doneText: `Đã gửi ${name}`,
        progress: 40,
      });
      expect(created.status, created.text).toBe(201);
      const id = (created.body as { id: string }).id;
      const added = await member.request("POST", `/api/check-ins/${id}/evidence`, {
        filename: name,
        contentBase64: bytes.toString("base64"),
      });
      expect(added.status, added.text).toBe(201);
      expect((await member.request("POST", `/api/check-ins/${id}/submit`)).status).toBe(200);
    }
    const due = await admin.request("POST", `/api/tasks/${task.id}/due-date`, {
      dueDate: "2024-12-15",
      directive: "Công văn số 52-CV/BCĐ",
      file: {
        filename: "Cong van 52.txt",
        contentBase64: Buffer.from("cong van 52 ve thoi han\n").toString("base64"),
      },
    });
    expect(due.status, due.text).toBe(201);
    archive = path.join(t.config.dataDir, "..", `haidang-${dialect}-${process.pid}.backup`);
  });
  afterAll(async () => {
    await t?.close();
    for (const s of spares) await s.drop();
    if (archive) fs.rmSync(archive, { force: true });
  });

  it("restores the database and every file: each download answers with the same bytes and name", async () => {
    const before = await downloadAll(t.platform, admin);
    const kinds = new Set(before.map((d) => d.url.split("/")[2]));
    expect([...kinds].sort()).toEqual(["due-dates", "evidence", "imports", "programmes"]);
    expect(before.length).toBeGreaterThanOrEqual(6);

    const written = await backup(t.config, archive);
    expect(written.database).toBe(dialect);
    const storedCount = Number(
      (
        await t.platform.database.db
          .selectFrom("stored_files")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(written.files).toBe(storedCount);

    const copy = await emptyCopy();
    const restored = await restore(copy, archive);
    expect(restored).toMatchObject({ database: dialect, files: storedCount, verified: storedCount });

    const platform = await createPlatform(copy, { logger: false });
    try {
      const client = await signIn(platform.app, t.adminEmail, t.adminPassword);
      const after = await downloadAll(platform, client);
      expect(after).toEqual(before);
      // The two uploads of the same bytes still download under their own names.
      const names = after.filter((d) => d.url.startsWith("/api/evidence/")).map((d) => d.disposition);
      expect(names.some((n) => n.includes('filename="Ban sao bien ban.pdf"'))).toBe(true);
      expect(names.some((n) => n.includes('filename="Bien ban kiem tra.pdf"'))).toBe(true);
    } finally {
      await platform.close();
    }
  });

  it("refuses a damaged archive and leaves the target untouched", async () => {
    if (!fs.existsSync(archive)) await backup(t.config, archive);
    const damaged = `${archive}.damaged`;
    const bytes = fs.readFileSync(archive);
    const at = bytes.indexOf(EVIDENCE_BYTES.subarray(0, 40));
    expect(at).toBeGreaterThan(0);
    bytes[at + 20] = (bytes[at + 20] as number) ^ 0x20;
    fs.writeFileSync(damaged, bytes);
    try {
      const copy = await emptyCopy();
      await expect(restore(copy, damaged)).rejects.toMatchObject({ code: "backup_corrupt" });
      expect(fs.existsSync(path.join(copy.dataDir, "files"))).toBe(false);
      if (copy.database.kind === "sqlite") {
        expect(fs.existsSync(copy.database.file)).toBe(false);
      } else {
        const handle = openDatabase({ database: copy.database });
        try {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(
            handle.db,
          );
          expect(rows[0]?.n).toBe(0);
        } finally {
          await handle.close();
        }
      }
    } finally {
      fs.rmSync(damaged, { force: true });
    }
  });
});
