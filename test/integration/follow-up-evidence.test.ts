/** Evidence file downloads: who may download, drafts private to their author, safe headers for hostile names. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import {
  buildPerson,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  buildUnit,
} from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface EvidenceBody {
  id: string;
  file: { name: string; mediaType: string; downloadUrl: string | null } | null;
}
interface CheckInBody {
  id: string;
  evidence: EvidenceBody[];
}

const PDF = Buffer.from("%PDF-1.7\nminh chung: ke hoach tap huan\n");

describe.each(dialects())("follow-up evidence downloads on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let leader: Client;
  let lead: Client;
  let unitMember: Client;
  let outsider: Client;
  let viewer: Client;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const leadPerson = await buildPerson(admin, { fullName: "Đào Văn Hoàn" });
    const unit = await buildUnit(admin, { name: "Sở Văn hóa và Thể thao" });
    const unitPerson = await buildPerson(admin, { fullName: "Lê Thị Phối Hợp", unitId: unit.id });
    const outsiderPerson = await buildPerson(admin, { fullName: "Trần Văn Ngoài" });
    const as = async (roles: ("member" | "secretariat" | "leader" | "viewer")[], personId?: string) =>
      (await buildSignedInUser(t.platform, admin, { roles, ...(personId && { personId }) })).client;
    secretariat = await as(["secretariat"]);
    leader = await as(["leader"]);
    lead = await as(["member"], leadPerson.id);
    unitMember = await as(["member"], unitPerson.id);
    outsider = await as(["member"], outsiderPerson.id);
    viewer = await as(["viewer"]);
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

  /** A check-in by the lead with one evidence file; submitted unless `draft`. */
  async function checkInWithFile(filename: string, options: { draft?: boolean; bytes?: Buffer } = {}) {
    const created = await lead.request("POST", `/api/tasks/${taskId}/check-ins`, {
      period: "2024-Q2",
      doneText: "Đã tổ chức hội nghị tập huấn.",
      progress: 60,
    });
    expect(created.status).toBe(201);
    const checkInId = (created.body as CheckInBody).id;
    const added = await lead.request("POST", `/api/check-ins/${checkInId}/evidence`, {
      filename,
      contentBase64: (options.bytes ?? PDF).toString("base64"),
    });
    expect(added.status).toBe(201);
    if (!options.draft)
      expect((await lead.request("POST", `/api/check-ins/${checkInId}/submit`)).status).toBe(200);
    const evidence = added.body as EvidenceBody;
    return { checkInId, evidenceId: evidence.id, downloadUrl: evidence.file?.downloadUrl ?? "" };
  }

  it("streams a submitted check-in's file to its parties, leaders and the secretariat, as an attachment", async () => {
    const { downloadUrl } = await checkInWithFile("Kế hoạch tập huấn.pdf");
    expect(downloadUrl).toMatch(/^\/api\/evidence\/[^/]+\/file$/);
    for (const client of [lead, unitMember, secretariat, leader, admin]) {
      const res = await client.request("GET", downloadUrl);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-disposition"]).toBe(
        `attachment; filename="Ke hoach tap huan.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20t%E1%BA%ADp%20hu%E1%BA%A5n.pdf`,
      );
      expect(res.text).toBe(PDF.toString());
    }
  });

  it("refuses a member who is not a party (403) and roles without the permission (403 forbidden)", async () => {
    const { checkInId, downloadUrl } = await checkInWithFile("bao-cao.pdf");
    const denied = await outsider.request("GET", downloadUrl);
    expect(denied.status).toBe(403);
    expect((denied.body as { error: { code: string } }).error.code).toBe("evidence_forbidden");
    const noRole = await viewer.request("GET", downloadUrl);
    expect(noRole.status).toBe(403);
    expect((noRole.body as { error: { code: string } }).error.code).toBe("forbidden");
    // The outsider still sees the check-in, but is offered no download link.
    const seen = await outsider.request("GET", `/api/check-ins/${checkInId}`);
    expect((seen.body as CheckInBody).evidence[0]?.file?.downloadUrl).toBeNull();
    const forUnit = await unitMember.request("GET", `/api/tasks/${taskId}/check-ins`);
    const mine = (forUnit.body as { items: CheckInBody[] }).items.find((c) => c.id === checkInId);
    expect(mine?.evidence[0]?.file?.downloadUrl).toBe(downloadUrl);
  });

  it("keeps a draft's evidence private to its author until it is submitted", async () => {
    const { checkInId, downloadUrl } = await checkInWithFile("nhap.pdf", { draft: true });
    expect((await lead.request("GET", downloadUrl)).status).toBe(200);
    for (const client of [secretariat, unitMember, admin]) {
      const res = await client.request("GET", downloadUrl);
      expect(res.status).toBe(404);
      expect((res.body as { error: { code: string } }).error.code).toBe("evidence_not_found");
    }
    await lead.request("POST", `/api/check-ins/${checkInId}/submit`);
    expect((await secretariat.request("GET", downloadUrl)).status).toBe(200);
  });

  it("answers 404 for an unknown evidence id and for link evidence, which has no file", async () => {
    expect((await secretariat.request("GET", "/api/evidence/khong-co/file")).status).toBe(404);
    const { checkInId } = await checkInWithFile("x.pdf", { draft: true });
    const link = await lead.request("POST", `/api/check-ins/${checkInId}/evidence`, {
      kind: "article",
      title: "Bài trên Báo Hải Phòng",
      url: "https://baohaiphong.vn/a",
    });
    expect((link.body as EvidenceBody).file).toBeNull();
    const res = await lead.request("GET", `/api/evidence/${(link.body as EvidenceBody).id}/file`);
    expect(res.status).toBe(404);
  });

  it.each([
    ['bao "cao".pdf', 'attachment; filename="bao _cao_.pdf"', "bao%20%22cao%22.pdf"],
    ["a\r\nSet-Cookie: x=1.pdf", 'attachment; filename="aSet-Cookie: x=1.pdf"', "aSet-Cookie%3A%20x%3D1.pdf"],
    ["../../etc/passwd", 'attachment; filename="passwd"', "passwd"],
    ["..\\..\\boot.ini", 'attachment; filename="boot.ini"', "boot.ini"],
    ["..", 'attachment; filename="minh-chung"', "minh-chung"],
    ["it's (1)*.txt", `attachment; filename="it's (1)*.txt"`, "it%27s%20%281%29%2A.txt"],
    ["a;b%20c.txt", 'attachment; filename="a_b_20c.txt"', "a%3Bb%2520c.txt"],
  ])("sends a safe Content-Disposition for the hostile name %j", async (name, fallback, encoded) => {
    const { downloadUrl } = await checkInWithFile(name, { bytes: Buffer.from(`ten tep: ${name}`) });
    const res = await lead.request("GET", downloadUrl);
    expect(res.status).toBe(200);
    const header = String(res.headers["content-disposition"]);
    expect(header).toBe(`${fallback}; filename*=UTF-8''${encoded}`);
    expect(header).not.toMatch(/[\r\n]/);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});
