/**
 * The same bytes uploaded twice under different names are stored once, but each upload keeps its
 * own name and owner: two officials attaching the same scan to their own check-ins each download
 * it under the name they gave it, and a directive document with those bytes keeps its own name; so do
 * two imports of the same programme file and the programme committed from the second.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import {
  buildPerson,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  buildUnit,
  countRows,
} from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";

interface EvidenceBody {
  id: string;
  file: { name: string; sha256: string; downloadUrl: string | null } | null;
}
interface CheckInBody {
  id: string;
  evidence: EvidenceBody[];
}

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "programmes");
const SCAN = Buffer.from("%PDF-1.7\nbien ban hoi nghi tap huan (ban chup chung)\n");

describe.each(dialects())("evidence upload names on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let lead: Client;
  let coordinator: Client;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const leadPerson = await buildPerson(admin, { fullName: "Đào Văn Hoàn" });
    const unit = await buildUnit(admin, { name: "Sở Văn hóa và Thể thao" });
    const unitPerson = await buildPerson(admin, { fullName: "Lê Thị Phối Hợp", unitId: unit.id });
    secretariat = (await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] })).client;
    lead = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: leadPerson.id }))
      .client;
    coordinator = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: unitPerson.id }))
      .client;
    const programme = await buildProgramme(t.platform);
    taskId = (
      await buildTask(t.platform, programme.id, {
        ref: "9",
        parties: [
          { role: "lead", name: "Đào Văn Hoàn", personId: leadPerson.id },
          { role: "coordinator", name: "Sở Văn hóa và Thể thao", unitId: unit.id },
        ],
      })
    ).id;
  });
  afterAll(async () => t?.close());

  /** A draft check-in by `who` with the scan attached under `filename`. */
  async function attach(who: Client, filename: string) {
    const created = await who.request("POST", `/api/tasks/${taskId}/check-ins`, {
      period: "2024-Q2",
      doneText: "Đã tổ chức hội nghị tập huấn.",
      progress: 50,
    });
    expect(created.status, created.text).toBe(201);
    const checkInId = (created.body as CheckInBody).id;
    const added = await who.request("POST", `/api/check-ins/${checkInId}/evidence`, {
      filename,
      contentBase64: SCAN.toString("base64"),
    });
    expect(added.status, added.text).toBe(201);
    return { checkInId, evidence: added.body as EvidenceBody };
  }

  async function downloadName(who: Client, url: string) {
    const res = await rawRequest(t.platform.app, "GET", url, { headers: { cookie: who.cookie } });
    expect(res.status, res.text).toBe(200);
    expect(Buffer.from(res.text, "latin1").length).toBeGreaterThan(0);
    return String(res.headers["content-disposition"]);
  }

  it("downloads each upload of the same bytes under its own name, for its own author", async () => {
    const before = await countRows(t.platform, ["stored_files"]);
    const first = await attach(lead, "Biên bản hội nghị.pdf");
    const second = await attach(coordinator, "Báo cáo Sở Văn hóa.pdf");
    // The bytes are stored once…
    expect(await countRows(t.platform, ["stored_files"])).toEqual({ stored_files: before.stored_files + 1 });
    expect(second.evidence.file?.sha256).toBe(first.evidence.file?.sha256);
    // …but each evidence item keeps the name it was uploaded under.
    expect(first.evidence.file?.name).toBe("Biên bản hội nghị.pdf");
    expect(second.evidence.file?.name).toBe("Báo cáo Sở Văn hóa.pdf");

    // Drafts stay private to their author: the second uploader reads their own draft, not the first's.
    const secondUrl = second.evidence.file?.downloadUrl ?? "";
    expect(await downloadName(coordinator, secondUrl)).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
    const foreign = await coordinator.request("GET", first.evidence.file?.downloadUrl ?? "");
    expect(foreign.status).toBe(404);

    // Once both are submitted, the secretariat sees two names, and each download carries its own.
    for (const [who, id] of [
      [lead, first.checkInId],
      [coordinator, second.checkInId],
    ] as const)
      expect((await who.request("POST", `/api/check-ins/${id}/submit`)).status).toBe(200);
    const list = (await secretariat.request("GET", `/api/tasks/${taskId}/check-ins`)).body as {
      items: CheckInBody[];
    };
    const names = list.items.flatMap((c) => c.evidence.map((e) => e.file?.name)).sort();
    expect(names).toEqual(["Biên bản hội nghị.pdf", "Báo cáo Sở Văn hóa.pdf"].sort());
    expect(await downloadName(secretariat, first.evidence.file?.downloadUrl ?? "")).toBe(
      `attachment; filename="Bien ban hoi nghi.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%99i%20ngh%E1%BB%8B.pdf`,
    );
    expect(await downloadName(secretariat, secondUrl)).toBe(
      `attachment; filename="Bao cao So Van hoa.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20S%E1%BB%9F%20V%C4%83n%20h%C3%B3a.pdf`,
    );
  });

  it("keeps each import's own name for the same programme file uploaded twice, and the committed programme's", async () => {
    const text = fs.readFileSync(path.join(FIXTURES, "hai-phong-2024.txt"));
    const ids: string[] = [];
    for (const filename of ["CTr-02-2024.txt", "Ban sao chuong trinh 02.txt"]) {
      const res = await admin.request("POST", "/api/imports", {
        filename,
        contentBase64: text.toString("base64"),
      });
      expect(res.status, res.text).toBe(201);
      ids.push((res.body as { id: string }).id);
    }
    expect(await downloadName(admin, `/api/imports/${ids[0]}/source`)).toContain(
      'filename="CTr-02-2024.txt"',
    );
    expect(await downloadName(admin, `/api/imports/${ids[1]}/source`)).toContain(
      'filename="Ban sao chuong trinh 02.txt"',
    );
    const committed = await admin.request("POST", `/api/imports/${ids[1]}/commit`);
    expect(committed.status, committed.text).toBe(201);
    const { programmeId } = committed.body as { programmeId: string };
    expect(await downloadName(admin, `/api/programmes/${programmeId}/source`)).toContain(
      'filename="Ban sao chuong trinh 02.txt"',
    );
  });

  it("keeps a directive document's own name when its bytes were uploaded before as evidence", async () => {
    const res = await secretariat.request("POST", `/api/tasks/${taskId}/due-date`, {
      dueDate: "2024-09-30",
      directive: "Công văn số 45-CV/BCĐ ngày 02/4/2024",
      file: { filename: "Cong van 45-CV.pdf", contentBase64: SCAN.toString("base64") },
    });
    expect(res.status, res.text).toBe(201);
    const { id } = res.body as { id: string };
    expect(await downloadName(secretariat, `/api/due-dates/${id}/file`)).toContain(
      'attachment; filename="Cong van 45-CV.pdf"',
    );
  });
});
