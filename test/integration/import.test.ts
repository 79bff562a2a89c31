/**
 * The import workflow as the secretariat uses it: upload the reference programme, review the draft
 * (near-match names, corrections), commit, find it again, re-import it as a new version, and refuse
 * bad input without storing anything.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceProgrammePath } from "../../src/modules/demo/demo-programme.js";
import { seedDemo } from "../../src/modules/demo/demo-seed.js";
import { systemContext } from "../../src/platform/context.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser, countRows } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const UPLOAD_LIMIT = 100_000;
const reference = fs.readFileSync(referenceProgrammePath());
const STORED_TABLES = ["stored_files", "import_drafts", "programmes", "tasks", "people"];

interface Draft {
  id: string;
  status: string;
  parsed: {
    document: { number: string; date: string };
    tasks: { ref: string; section: string; text: string; timeframe: { text: string | null } }[];
  } & Record<string, unknown>;
  extractedText: string[];
  warnings: { code: string; taskRef?: string | null }[];
  reconciliation: {
    key: string;
    name: string;
    kind: string;
    status: string;
    candidates: { id: string; name: string }[];
    decision: { action: string; id?: string } | null;
  }[];
  existingProgrammeId: string | null;
  diff: {
    document: unknown[];
    tasks: { added: string[]; removed: string[]; changed: { ref: string; changes: { field: string }[] }[] };
    hasChanges: boolean;
  } | null;
}

interface Page<T> {
  items: T[];
  total: number;
}

const upload = (client: Client, bytes: Buffer | string, filename = "02-CTr-BCD.txt") =>
  client.request("POST", "/api/imports", { filename, contentBase64: Buffer.from(bytes).toString("base64") });

/** Files under the data directory's file store. */
function storedFileCount(dataDir: string): number {
  const root = path.join(dataDir, "files");
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

describe.each(dialects())("programme import on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  const personId = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_UPLOAD_LIMIT: String(UPLOAD_LIMIT) } });
    // The committee, without the programme: this suite imports it itself.
    await seedDemo(t.platform.services, systemContext(), { withProgramme: false });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const people = (await admin.request("GET", "/api/people?pageSize=200")).body as Page<{
      id: string;
      fullName: string;
    }>;
    for (const p of people.items) personId.set(p.fullName, p.id);
  });
  afterAll(async () => t?.close());

  const stored = () => countRows(t.platform, STORED_TABLES);

  describe("first import", () => {
    let draft: Draft;
    let programmeId: string;

    it("reads the reference programme into a draft with 28 tasks and flags “Đỗ Mạnh Hiếu” as a near match", async () => {
      const res = await upload(admin, reference);
      expect(res.status, res.text).toBe(201);
      draft = res.body as Draft;
      expect(draft.parsed.tasks).toHaveLength(28);
      expect(draft.parsed.document.number).toBe("02-CTr/BCĐ");
      expect(draft.existingProgrammeId).toBeNull();
      expect(draft.extractedText.length).toBeGreaterThan(50);

      const hieu = draft.reconciliation.find((e) => e.name === "Đỗ Mạnh Hiếu");
      expect(hieu).toMatchObject({ kind: "person", status: "near_match", decision: { action: "keep_text" } });
      expect(hieu?.candidates.map((c) => c.name)).toContain("Đỗ Mạnh Hiến");
      expect(draft.warnings).toContainEqual(
        expect.objectContaining({ code: "name_near_match", taskRef: "II.2" }),
      );

      const ha = draft.reconciliation.find((e) => e.name === "Đào Khánh Hà");
      expect(ha).toMatchObject({
        status: "exact",
        decision: { action: "link", id: personId.get("Đào Khánh Hà") },
      });
      const group = draft.reconciliation.find((e) => e.kind === "group");
      expect(group?.status).toBe("group");
      expect(draft.reconciliation.some((e) => e.kind === "group" && e.decision !== null)).toBe(false);
    });

    it("keeps the source document and serves it back as an attachment", async () => {
      const res = await admin.request("GET", `/api/imports/${draft.id}/source`);
      expect(res.status).toBe(200);
      expect(res.text).toBe(reference.toString("utf8"));
      expect(res.headers["content-type"]).toMatch(/^text\/plain/);
      expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(storedFileCount(t.config.dataDir)).toBe(1);
    });

    it("lets the reviewer correct a field and decide the near match", async () => {
      const parsed = structuredClone(draft.parsed);
      const task = parsed.tasks.find((x) => x.ref === "II.7");
      if (!task) throw new Error("no II.7");
      task.timeframe.text = "Trong Quý III/2024.";
      const hien = personId.get("Đỗ Mạnh Hiến") as string;
      const res = await admin.request("PATCH", `/api/imports/${draft.id}`, {
        parsed,
        decisions: { "person:do manh hieu": { action: "link", id: hien } },
      });
      expect(res.status, res.text).toBe(200);
      const updated = res.body as Draft;
      expect(updated.parsed.tasks.find((x) => x.ref === "II.7")?.timeframe.text).toBe("Trong Quý III/2024.");
      expect(updated.reconciliation.find((e) => e.name === "Đỗ Mạnh Hiếu")?.decision).toEqual({
        action: "link",
        id: hien,
      });
    });

    it("refuses an edit that breaks the contract or links to nobody", async () => {
      const broken = await admin.request("PATCH", `/api/imports/${draft.id}`, {
        parsed: { ...draft.parsed, tasks: [{ ref: "II.1" }] },
      });
      expect(broken.status).toBe(400);
      const nobody = await admin.request("PATCH", `/api/imports/${draft.id}`, {
        decisions: { "person:do manh hieu": { action: "link", id: "00000000-0000-0000-0000-000000000000" } },
      });
      expect(nobody.status).toBe(400);
      expect((nobody.body as { error: { code: string } }).error.code).toBe("import_invalid_decision");
    });

    it("commits 28 tasks (9 general, 19 specific) linked to the committee, in one audited transaction", async () => {
      const auditBefore = (await countRows(t.platform, ["audit_log"])).audit_log ?? 0;
      const res = await admin.request("POST", `/api/imports/${draft.id}/commit`);
      expect(res.status, res.text).toBe(201);
      const result = res.body as { programmeId: string; version: number; counts: { tasks: number } };
      expect(result).toMatchObject({ version: 1, counts: { tasks: 28 } });
      programmeId = result.programmeId;

      const programme = (await admin.request("GET", `/api/programmes/${programmeId}`)).body as {
        counts: { tasks: number; bySection: Record<string, number> };
        sourceFileId: string;
      };
      expect(programme.counts.tasks).toBe(28);
      expect(programme.counts.bySection).toEqual({ I: 9, II: 19 });

      const tasks = (await admin.request("GET", `/api/programmes/${programmeId}/tasks?pageSize=200`))
        .body as Page<{
        ref: string;
        kind: string;
        directing: { personId: string | null }[];
        leads: { name: string; personId: string | null }[];
      }>;
      const byRef = new Map(tasks.items.map((x) => [x.ref, x]));
      expect(byRef.get("I.1")?.kind).toBe("general");
      expect(byRef.get("II.1")?.kind).toBe("specific");
      expect(byRef.get("II.1")?.directing[0]?.personId).toBe(personId.get("Đào Khánh Hà"));
      // The reviewer linked the misspelt name to the head of the committee; the text is kept as printed.
      expect(byRef.get("II.2")?.leads[0]).toMatchObject({
        name: "Đỗ Mạnh Hiếu",
        personId: personId.get("Đỗ Mạnh Hiến"),
      });

      const audit = await countRows(t.platform, ["audit_log"]);
      expect((audit.audit_log ?? 0) - auditBefore).toBeGreaterThan(28 * 2);
      // Every official the programme names is in the committee's directory: the import creates no one.
      expect((await stored()).people).toBe(personId.size);
    });

    it("closes the draft once committed", async () => {
      const again = await admin.request("POST", `/api/imports/${draft.id}/commit`);
      expect(again.status).toBe(409);
      expect((again.body as { error: { code: string } }).error.code).toBe("import_draft_closed");
    });

    it("finds the tasks citing Kết luận 57-KL/TW in the citation registry", async () => {
      const res = await admin.request("GET", "/api/citations?number=57-KL/TW");
      expect(res.status).toBe(200);
      const page = res.body as Page<{ kind: string; tasks: { ref: string }[]; programmes: { id: string }[] }>;
      expect(page.total).toBe(1);
      expect(page.items[0]?.programmes.map((p) => p.id)).toEqual([programmeId]);
      expect(page.items[0]?.tasks.map((x) => x.ref)).toContain("I.1");
    });

    it("recognises the same document imported again, shows the diff, and commits it as version 2", async () => {
      const res = await upload(admin, reference, "ban-sao.txt");
      expect(res.status).toBe(201);
      const second = res.body as Draft;
      expect(second.existingProgrammeId).toBe(programmeId);
      expect(second.warnings).toContainEqual(expect.objectContaining({ code: "already_imported" }));
      // Version 1 carries the reviewer's correction of II.7; the fresh parse does not.
      expect(second.diff?.hasChanges).toBe(true);
      expect(second.diff?.tasks.added).toEqual([]);
      expect(second.diff?.tasks.removed).toEqual([]);
      expect(second.diff?.tasks.changed).toEqual([
        {
          ref: "II.7",
          changes: [expect.objectContaining({ field: "timeframeText", before: "Trong Quý III/2024." })],
        },
      ]);

      const commit = await admin.request("POST", `/api/imports/${second.id}/commit`);
      expect(commit.status, commit.text).toBe(201);
      expect(commit.body).toMatchObject({ version: 2, supersededId: programmeId });
      const v2 = (commit.body as { programmeId: string }).programmeId;

      const active = (await admin.request("GET", "/api/programmes")).body as Page<{
        id: string;
        number: string;
      }>;
      expect(active.items.filter((p) => p.number === "02-CTr/BCĐ").map((p) => p.id)).toEqual([v2]);
      const all = (await admin.request("GET", "/api/programmes?status=all")).body as Page<{
        id: string;
        status: string;
      }>;
      expect(all.items.find((p) => p.id === programmeId)?.status).toBe("superseded");
      const detail = (await admin.request("GET", `/api/programmes/${v2}`)).body as {
        versions: { version: number }[];
      };
      expect(detail.versions.map((v) => v.version)).toEqual([1, 2]);
      // Same bytes: the file store keeps one copy.
      expect(storedFileCount(t.config.dataDir)).toBe(1);
      // No one was created twice.
      expect((await stored()).people).toBe(personId.size);
    });
  });

  describe("drafts waiting for review", () => {
    type Summary = { id: string; status: string; documentNumber: string | null; taskCount: number };

    it("lists an upload until it is committed or discarded, then keeps it under status=all", async () => {
      const draft = (await upload(admin, reference, "cho-duyet.txt")).body as Draft;
      const open = (await admin.request("GET", "/api/imports")).body as Page<Summary>;
      expect(open.items[0]).toMatchObject({
        id: draft.id,
        status: "draft",
        documentNumber: "02-CTr/BCĐ",
        taskCount: 28,
      });
      expect(open.items.every((d) => d.status === "draft")).toBe(true);

      expect((await admin.request("DELETE", `/api/imports/${draft.id}`)).status).toBe(204);
      const after = (await admin.request("GET", "/api/imports")).body as Page<Summary>;
      expect(after.items.map((d) => d.id)).not.toContain(draft.id);
      const all = (await admin.request("GET", "/api/imports?status=all&pageSize=100")).body as Page<Summary>;
      expect(all.items.find((d) => d.id === draft.id)?.status).toBe("discarded");
    });

    it("refuses an unknown status and a viewer", async () => {
      expect((await admin.request("GET", "/api/imports?status=deleted")).status).toBe(400);
      const viewer = await buildSignedInUser(t.platform, admin, { roles: ["viewer"] });
      expect((await viewer.client.request("GET", "/api/imports")).status).toBe(403);
    });
  });

  describe("two commits at the same moment", () => {
    it("commit a draft once: the second request is refused with 409, not a server error", async () => {
      const draft = (await upload(admin, reference, "dong-thoi.txt")).body as Draft;
      const results = await Promise.all([
        admin.request("POST", `/api/imports/${draft.id}/commit`),
        admin.request("POST", `/api/imports/${draft.id}/commit`),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it("two drafts of one document: never a 500, and one active version remains", async () => {
      const drafts = [
        (await upload(admin, reference, "a.txt")).body as Draft,
        (await upload(admin, reference, "b.txt")).body as Draft,
      ];
      const results = await Promise.all(
        drafts.map((d) => admin.request("POST", `/api/imports/${d.id}/commit`)),
      );
      // SQLite runs them one after the other (two new versions); PostgreSQL may refuse the loser (409).
      for (const r of results) expect([201, 409], r.text).toContain(r.status);
      expect(results.some((r) => r.status === 201)).toBe(true);
      const active = (await admin.request("GET", "/api/programmes")).body as Page<{ number: string }>;
      expect(active.items.filter((p) => p.number === "02-CTr/BCĐ")).toHaveLength(1);
    });
  });

  describe("bad input stores nothing", () => {
    it.each([
      ["an empty file", "", "empty.txt", 400],
      ["binary junk", Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 1, 2]), "junk.pdf", null],
      ["a wrong extension", reference, "chuong-trinh.exe", 415],
      ["an oversized file", Buffer.alloc(UPLOAD_LIMIT + 1, "a"), "big.txt", 413],
    ])("refuses %s", async (_label, bytes, filename, status) => {
      const before = await stored();
      const files = storedFileCount(t.config.dataDir);
      const res = await upload(admin, bytes as Buffer, filename as string);
      if (status) expect(res.status, res.text).toBe(status);
      else expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((res.body as { error: { code: string } }).error.code).toMatch(/^[a-z_]+$/);
      expect(await stored()).toEqual(before);
      expect(storedFileCount(t.config.dataDir)).toBe(files);
    });

    it("refuses a body beyond the route's limit with 413 and content that is not base64 with 400", async () => {
      const before = await stored();
      const huge = await admin.request("POST", "/api/imports", {
        filename: "x.txt",
        contentBase64: "A".repeat(UPLOAD_LIMIT * 2),
      });
      expect(huge.status).toBe(413);
      const notBase64 = await admin.request("POST", "/api/imports", {
        filename: "x.txt",
        contentBase64: "%%%not base64%%%",
      });
      expect(notBase64.status).toBe(400);
      expect(await stored()).toEqual(before);
    });

    it("refuses text without tasks (422 import_no_tasks, the parser's warnings as details) and stores nothing", async () => {
      const before = await stored();
      const res = await admin.request("POST", "/api/imports", {
        text: "Kính gửi các đồng chí,\n\nĐây là một thông báo ngắn, không có nhiệm vụ nào.\n",
      });
      expect(res.status, res.text).toBe(422);
      const error = (res.body as { error: { code: string; details?: { message: string }[] } }).error;
      expect(error.code).toBe("import_no_tasks");
      expect(error.details?.some((d) => d.message.startsWith("no_tasks"))).toBe(true);
      expect(await stored()).toEqual(before);
    });

    it("refuses a viewer (403) and stores nothing", async () => {
      const viewer = await buildSignedInUser(t.platform, admin, { roles: ["viewer"] });
      const before = await stored();
      const res = await upload(viewer.client, reference);
      expect(res.status).toBe(403);
      expect(await stored()).toEqual(before);
    });
  });
});
