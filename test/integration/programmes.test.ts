/**
 * Reading a programme as committee members do: the demo data imports the reference programme
 * (02-CTr/BCĐ, Hải Phòng 2024); tasks are filtered by section, directing official, party and time
 * frame; "who does what" and the timeline by quarter; one task with its citations; the source file.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceProgrammePath } from "../../src/modules/demo/demo-programme.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface Page<T> {
  items: T[];
  total: number;
}

interface PartyDto {
  name: string;
  kind: string;
  personId: string | null;
  qualifier: string | null;
}

interface TaskDto {
  id: string;
  ref: string;
  section: string;
  directing: PartyDto[];
  leads: PartyDto[];
  coordinators: PartyDto[];
  timeframe: { kind: string };
  footnotes: unknown[];
}

interface TimelineTask {
  ref: string;
}

describe.each(dialects())("programmes on %s", (dialect) => {
  let t: TestPlatform;
  let viewer: Client;
  let programmeId: string;
  const personId = new Map<string, string>();

  const refs = async (query: string) => {
    const res = await viewer.request("GET", `/api/programmes/${programmeId}/tasks?pageSize=200${query}`);
    expect(res.status, res.text).toBe(200);
    return (res.body as Page<TaskDto>).items.map((x) => x.ref);
  };

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, demo: true });
    const admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    viewer = (await buildSignedInUser(t.platform, admin, { roles: ["viewer"] })).client;
    const people = (await admin.request("GET", "/api/people?pageSize=200")).body as Page<{
      id: string;
      fullName: string;
    }>;
    for (const p of people.items) personId.set(p.fullName, p.id);
    const list = (await viewer.request("GET", "/api/programmes")).body as Page<{ id: string }>;
    programmeId = list.items[0]?.id ?? "";
  });
  afterAll(async () => t?.close());

  it("lists the demo programme with its document fields, sections and counts", async () => {
    const list = (await viewer.request("GET", "/api/programmes")).body as Page<Record<string, unknown>>;
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      number: "02-CTr/BCĐ",
      date: "2024-03-13",
      taskCount: 28,
      version: 1,
    });
    const res = await viewer.request("GET", `/api/programmes/${programmeId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      system: "party",
      status: "active",
      counts: { tasks: 28, bySection: { I: 9, II: 19 } },
      versions: [{ id: programmeId, version: 1, status: "active" }],
    });
    expect((res.body as { sections: { ref: string }[] }).sections.map((s) => s.ref)).toEqual(["I", "II"]);
  });

  it("filters tasks by section, directing official (id or name), party and role, time frame and text", async () => {
    expect(await refs("&section=I")).toHaveLength(9);
    expect(await refs("&section=II")).toHaveLength(19);
    const cuong = ["II.3", "II.4", "II.5", "II.7", "II.8", "II.9", "II.11", "II.12", "II.17", "II.18"];
    expect(await refs(`&directing=${personId.get("Hoàng Minh Cường")}`)).toEqual(cuong);
    expect(await refs(`&directing=${encodeURIComponent("hoang minh cuong")}`)).toEqual(cuong);
    expect(await refs(`&party=${personId.get("Phạm Văn Tuấn")}&role=lead`)).toEqual([
      "II.4",
      "II.13",
      "II.14",
    ]);
    expect(await refs(`&party=${personId.get("Phạm Văn Tuấn")}&role=directing`)).toEqual([]);
    expect(await refs("&timeframeKind=ongoing")).toEqual(["II.13", "II.14"]);
    expect(await refs(`&q=${encodeURIComponent("Nam Du lich Quoc gia")}`)).toEqual(["II.12"]);
  });

  it("keeps “Đỗ Mạnh Hiếu” unlinked as printed, for the reviewer", async () => {
    const [task] = (
      (await viewer.request("GET", `/api/programmes/${programmeId}/tasks?section=II&pageSize=2`))
        .body as Page<TaskDto>
    ).items.slice(1);
    expect(task?.ref).toBe("II.2");
    expect(task?.leads).toEqual([
      expect.objectContaining({ name: "Đỗ Mạnh Hiếu", kind: "person", personId: null }),
    ]);
    expect(task?.directing[0]?.personId).toBe(personId.get("Đào Khánh Hà"));
    expect(task?.coordinators[0]).toMatchObject({ kind: "group", personId: null });
  });

  it("shows who does what", async () => {
    const res = await viewer.request("GET", `/api/programmes/${programmeId}/matrix`);
    expect(res.status).toBe(200);
    const matrix = res.body as {
      columns: { ref: string }[];
      rows: { name: string; kind: string; personId: string | null; cells: Record<string, string> }[];
    };
    expect(matrix.columns).toHaveLength(28);
    const cuong = matrix.rows.find((r) => r.personId === personId.get("Hoàng Minh Cường"));
    expect(cuong?.cells).toMatchObject({ "II.3": "directing", "II.18": "directing" });
    expect(Object.keys(cuong?.cells ?? {})).toHaveLength(10);
    const ha = matrix.rows.find((r) => r.personId === personId.get("Đào Khánh Hà"));
    expect(ha?.cells["II.19"]).toBe("lead");
    expect(
      matrix.rows.some((r) => r.kind === "group" && Object.values(r.cells).includes("coordinator")),
    ).toBe(true);
  });

  it("places tasks on the 2024 timeline by quarter, with lanes for undated ones", async () => {
    const res = await viewer.request("GET", `/api/programmes/${programmeId}/timeline`);
    expect(res.status).toBe(200);
    const tl = res.body as {
      year: number;
      quarters: { quarter: number; tasks: TimelineTask[] }[];
      lanes: Record<string, TimelineTask[]>;
    };
    expect(tl.year).toBe(2024);
    const inQuarter = (q: number) => tl.quarters[q - 1]?.tasks.map((x) => x.ref) ?? [];
    expect(inQuarter(2)).toContain("II.7");
    expect(inQuarter(3)).not.toContain("II.7");
    for (const q of [1, 2, 3, 4]) expect(inQuarter(q)).toContain("II.6");
    expect(inQuarter(2)).toContain("II.16");
    expect(inQuarter(4)).toContain("II.16");
    expect(inQuarter(3)).not.toContain("II.16");
    expect(tl.lanes.ongoing?.map((x) => x.ref)).toEqual(["II.13", "II.14"]);
    expect(tl.lanes.as_directed?.map((x) => x.ref)).toContain("II.1");
    expect(tl.lanes.per_plan?.map((x) => x.ref)).toContain("II.4");
  });

  it("shows one task with its footnotes and the documents it cites", async () => {
    const [first] = (
      (await viewer.request("GET", `/api/programmes/${programmeId}/tasks?pageSize=1`)).body as Page<TaskDto>
    ).items;
    const res = await viewer.request("GET", `/api/tasks/${first?.id}`);
    expect(res.status).toBe(200);
    const task = res.body as TaskDto & { citations: { number: string }[]; programme: { id: string } };
    expect(task.ref).toBe("I.1");
    expect(task.programme.id).toBe(programmeId);
    expect(task.footnotes.length).toBeGreaterThan(0);
    expect(task.citations.map((c) => c.number)).toEqual(expect.arrayContaining(["57-KL/TW", "25-CT/TW"]));
    expect((await viewer.request("GET", "/api/tasks/00000000-0000-0000-0000-000000000000")).status).toBe(404);
  });

  it("lists the citation registry with the tasks citing each document", async () => {
    const res = await viewer.request("GET", "/api/citations?number=318/KH-UBND");
    expect(res.status).toBe(200);
    const page = res.body as Page<{ kind: string; tasks: { ref: string }[] }>;
    expect(page.total).toBe(1);
    expect(page.items[0]?.tasks.map((x) => x.ref)).toContain("II.4");
    const all = (await viewer.request("GET", "/api/citations?pageSize=200")).body as Page<unknown>;
    expect(all.total).toBeGreaterThan(10);
  });

  it("lets anyone signed in download the kept source document, as an attachment", async () => {
    const res = await viewer.request("GET", `/api/programmes/${programmeId}/source`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(fs.readFileSync(referenceProgrammePath(), "utf8"));
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="hai-phong-2024-02-CTr-BCD.txt"/,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
  });
});
