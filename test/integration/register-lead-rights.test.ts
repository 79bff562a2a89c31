/**
 * "The secretariat edits all; a task's leads edit what they lead" for budget proposals and visual
 * installations: an entry attached to a task whose lead is the user's unit may be edited (fields,
 * documents, photos) by that unit's members and leaders; a lead of another task, a coordinating unit or
 * anyone else gets 403 `register_entry_not_lead` (vi + en) and nothing changes; the detail says `canEdit`.
 */
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

const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

describe.each(dialects())("a task's leads edit the register entries they lead, on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let leadMember: Client;
  let leadLeader: Client;
  let coordinator: Client;
  let outsider: Client;
  let budgetId: string;
  let installationId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_MFA_REQUIRED_ROLES: "" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const leadUnit = await buildUnit(admin, { name: "Sở Văn hóa, Thể thao và Du lịch" });
    const otherUnit = await buildUnit(admin, { name: "Sở Xây dựng" });
    const member = await buildPerson(admin, { fullName: "Đỗ Thị Hà", unitId: leadUnit.id });
    const leaderPerson = await buildPerson(admin, { fullName: "Nguyễn Văn Sở", unitId: leadUnit.id });
    const coordPerson = await buildPerson(admin, { fullName: "Lê Phối Hợp", unitId: otherUnit.id });
    leadMember = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: member.id }))
      .client;
    leadLeader = (
      await buildSignedInUser(t.platform, admin, { roles: ["leader"], personId: leaderPerson.id })
    ).client;
    coordinator = (
      await buildSignedInUser(t.platform, admin, { roles: ["leader"], personId: coordPerson.id })
    ).client;
    outsider = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;

    const programme = await buildProgramme(t.platform);
    const task = await buildTask(t.platform, programme.id, {
      ref: "7",
      parties: [
        { role: "lead", name: "Sở Văn hóa, Thể thao và Du lịch", unitId: leadUnit.id },
        { role: "coordinator", name: "Sở Xây dựng", unitId: otherUnit.id },
      ],
    });
    const budget = await admin.request("POST", "/api/budget-items", {
      title: "Pano chào mừng Năm Du lịch quốc gia",
      year: 2025,
      proposedAmount: 350_000_000,
    });
    expect(budget.status, budget.text).toBe(201);
    budgetId = (budget.body as { id: string }).id;
    const pano = await admin.request("POST", "/api/installations", {
      title: "Pano cửa ngõ Cầu Bính",
      kind: "billboard",
      address: "Nút giao cầu Bính, phường Thượng Lý",
      district: "hong_bang",
      status: "proposed",
    });
    expect(pano.status, pano.text).toBe(201);
    installationId = (pano.body as { id: string }).id;
    for (const [kind, recordId] of [
      ["budget_item", budgetId],
      ["installation", installationId],
    ]) {
      const linked = await admin.request("POST", `/api/tasks/${task.id}/records`, { kind, recordId });
      expect(linked.status, linked.text).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it("lets the lead unit's member and leader edit the budget proposal and its documents", async () => {
    const edited = await leadMember.request("PATCH", `/api/budget-items/${budgetId}`, {
      proposedAmount: 320_000_000,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ proposedAmount: 320_000_000 });
    const doc = await leadLeader.request("POST", `/api/budget-items/${budgetId}/documents`, {
      title: "Tờ trình",
      filename: "to-trinh.pdf",
      contentBase64: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64"),
    });
    expect(doc.status, doc.text).toBe(201);
    const detail = await leadLeader.request("GET", `/api/budget-items/${budgetId}`);
    expect(detail.body).toMatchObject({ canEdit: true });

    for (const other of [coordinator, outsider]) {
      const denied = await other.request(
        "PATCH",
        `/api/budget-items/${budgetId}`,
        { proposedAmount: 1 },
        { "accept-language": "en" },
      );
      expect(denied.status, denied.text).toBe(403);
      expect(errorCode(denied.body)).toBe("register_entry_not_lead");
      expect((denied.body as { error: { message: string } }).error.message).toMatch(
        /secretariat and the lead/,
      );
    }
    const vi = await coordinator.request(
      "DELETE",
      `/api/budget-items/${budgetId}/documents/${(doc.body as { id: string }).id}`,
    );
    expect(vi.status).toBe(403);
    expect((vi.body as { error: { message: string } }).error.message).toMatch(/Tổ Giúp việc/);
    expect((await coordinator.request("GET", `/api/budget-items/${budgetId}`)).body).toMatchObject({
      canEdit: false,
    });
    const after = await admin.request("GET", `/api/budget-items/${budgetId}`);
    expect(after.body).toMatchObject({ proposedAmount: 320_000_000, canEdit: true });
    // Creating and deleting stay with the secretariat.
    expect((await leadLeader.request("DELETE", `/api/budget-items/${budgetId}`)).status).toBe(403);
  });

  it("lets the lead unit's member edit the installation; others get 403 and nothing changes", async () => {
    const edited = await leadMember.request("PATCH", `/api/installations/${installationId}`, {
      status: "approved",
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await leadMember.request("GET", `/api/installations/${installationId}`)).body).toMatchObject({
      status: "approved",
      canEdit: true,
    });
    const denied = await outsider.request("PATCH", `/api/installations/${installationId}`, {
      status: "installed",
      installedOn: "2025-05-01",
    });
    expect(denied.status, denied.text).toBe(403);
    expect(errorCode(denied.body)).toBe("register_entry_not_lead");
    expect((await outsider.request("GET", `/api/installations/${installationId}`)).body).toMatchObject({
      status: "approved",
      canEdit: false,
    });
    const photo = await coordinator.request("POST", `/api/installations/${installationId}/photos`, {
      filename: "pano.jpg",
      contentBase64: "AAAA",
    });
    expect(photo.status).toBe(403);
    // Every change audited under its author.
    const audit = await admin.request("GET", `/api/audit?entityType=installation&entityId=${installationId}`);
    expect((audit.body as { items: { action: string }[] }).items.map((e) => e.action).sort()).toEqual([
      "create",
      "update",
    ]);
  });
});
