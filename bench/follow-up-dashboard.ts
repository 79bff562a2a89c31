/**
 * Bench: the dashboard API on 10,000 tasks and 100,000 check-ins, on SQLite and (with --postgres)
 * PostgreSQL in a throw-away cluster. Target p95 < 50 ms, reads right after writes included: the
 * bench interleaves writes (a check-in created, submitted and confirmed through the API on a random
 * task) with dashboard reads and reports the reads after writes apart. Also the annual report of
 * the reference programme (target < 1 s). Appends results to bench/RESULTS.md.
 *
 *   node --import ./scripts/ts-loader.mjs bench/follow-up-dashboard.ts [--postgres] [--no-record]
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type Config, loadConfig } from "../src/config/config.js";
import { createPlatform, type Platform } from "../src/main.js";
import { ensureAdministrator } from "../src/modules/auth/first-run.js";
import { seedDemo } from "../src/modules/demo/demo-seed.js";
import type { Db } from "../src/platform/db/database.js";
import { buildCheckIn, buildReferenceProgramme } from "../test/support/factories.js";
import { signIn } from "../test/support/http.js";
import { machineLine, onEachDatabase, percentile, record } from "./bench-support.js";

const TASKS = 10_000;
const CHECK_INS = 100_000;
const RUNS = 60;
/** Write + read rounds: each write is 3 API calls (create, submit, confirm) on a random task. */
const WRITE_ROUNDS = 40;
const ADMIN = { email: "bench@haidang.local", password: "Bench-password-2024" };

async function seedLarge(db: Db): Promise<{ programmeId: string; taskIds: string[] }> {
  const programmeId = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto("programmes")
    .values({
      id: programmeId,
      system: "party",
      doc_type: "Chương trình",
      type_code: "CTr",
      number: "99-CTr/BCĐ",
      issuer: "Ban Chỉ đạo",
      parent_issuer: null,
      identity_key: `bench|${programmeId}`,
      place: "Hải Phòng",
      issued_on: "2024-03-13",
      title: "Bench",
      period_start: "2024-01-01",
      period_end: "2024-12-31",
      signature_json: null,
      recipients_json: "[]",
      version: 1,
      supersedes_id: null,
      status: "active",
      effective_from: null,
      source_file_id: null,
      created_at: now,
      created_by: null,
    })
    .execute();
  const kinds = ["period", "period", "period", "ongoing", "as_directed"];
  const taskIds: string[] = [];
  for (let i = 0; i < TASKS; i += 500) {
    const tasks = [];
    const parties = [];
    for (let j = i; j < Math.min(TASKS, i + 500); j++) {
      const id = randomUUID();
      taskIds.push(id);
      const kind = kinds[j % kinds.length] as string;
      const month = 1 + (j % 12);
      tasks.push({
        id,
        lineage_id: id,
        programme_id: programmeId,
        ref: String(j + 1),
        section_ref: "II",
        position: j,
        kind: "specific" as const,
        text: `Nhiệm vụ ${j + 1}`,
        folded_text: `nhiem vu ${j + 1}`,
        footnotes_json: "[]",
        products_json: "[]",
        timeframe_text: null,
        timeframe_kind: kind,
        start_date: kind === "period" ? "2024-01-01" : null,
        end_date: kind === "period" ? `2024-${String(month).padStart(2, "0")}-28` : null,
        milestones_json: "[]",
        plan_ref: null,
        due_date: null,
        source_line_start: null,
        source_line_end: null,
        created_at: now,
        updated_at: now,
      });
      parties.push({
        id: randomUUID(),
        task_id: id,
        role: "directing" as const,
        kind: "person" as const,
        name: `Lãnh đạo ${j % 5}`,
        folded_name: `lanh dao ${j % 5}`,
        qualifier: null,
        person_id: null,
        unit_id: null,
        position: 0,
      });
      parties.push({
        id: randomUUID(),
        task_id: id,
        role: "lead" as const,
        kind: "person" as const,
        name: `Cán bộ ${j % 40}`,
        folded_name: `can bo ${j % 40}`,
        qualifier: null,
        person_id: null,
        unit_id: null,
        position: 1,
      });
    }
    await db.insertInto("tasks").values(tasks).execute();
    await db.insertInto("task_parties").values(parties).execute();
  }
  const states = ["submitted", "confirmed", "confirmed", "returned"] as const;
  for (let i = 0; i < CHECK_INS; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(CHECK_INS, i + 1000); j++) {
      const state = states[j % states.length] as (typeof states)[number];
      const month = String(1 + (j % 11)).padStart(2, "0");
      const at = `2024-${month}-10T02:00:00.000Z`;
      rows.push({
        id: randomUUID(),
        task_id: taskIds[j % TASKS] as string,
        party_person_id: null,
        party_unit_id: null,
        party_name: "Cán bộ",
        role: "lead" as const,
        period: `2024-Q${1 + Math.floor((j % 11) / 3)}`,
        milestone: null,
        state,
        version: 1,
        done_text: "Đã thực hiện",
        progress: j % 101,
        milestones_reached_json: "[]",
        difficulties: null,
        proposals: null,
        reported_complete: j % 3 === 0 ? 1 : 0,
        completed_on: null,
        submitted_at: at,
        confirmed_at: state === "confirmed" ? at : null,
        confirmed_by: null,
        returned_at: state === "returned" ? at : null,
        returned_by: null,
        return_reason: null,
        created_by: "bench",
        created_at: at,
        updated_at: at,
      });
    }
    await db.insertInto("check_ins").values(rows).execute();
  }
  return { programmeId, taskIds };
}

async function benchOne(label: string, database: Config["database"], dataDir: string) {
  const config: Config = {
    ...loadConfig({
      HAIDANG_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      HAIDANG_JOBS: "off",
      // The bench signs in as the administrator with a password only (no authenticator to enrol).
      HAIDANG_MFA_REQUIRED_ROLES: "",
    }),
    database,
    admin: ADMIN,
  };
  const platform: Platform = await createPlatform(config, { logger: false });
  try {
    const s = platform.services;
    await ensureAdministrator({ db: s.db, auth: s.authRepository, audit: s.audit }, ADMIN);
    await seedDemo(s);
    const t0 = performance.now();
    const { programmeId, taskIds } = await seedLarge(s.db);
    const seedMs = performance.now() - t0;
    const client = await signIn(platform.app, ADMIN.email, ADMIN.password);
    const url = `/api/programmes/${programmeId}/dashboard?asOf=2024-08-15`;
    const c0 = performance.now();
    const cold = await client.request("GET", url);
    const coldMs = performance.now() - c0;
    if (cold.status !== 200) throw new Error(`dashboard ${cold.status}: ${cold.text.slice(0, 200)}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = performance.now();
      const r = await client.request("GET", url);
      times.push(performance.now() - a);
      if (r.status !== 200) throw new Error(`dashboard ${r.status}`);
    }
    // Writes interleaved with reads: every read right after a write is timed apart.
    const afterWrite: number[] = [];
    const writes: number[] = [];
    for (let i = 0; i < WRITE_ROUNDS; i++) {
      const taskId = taskIds[(i * 7919) % taskIds.length] as string;
      const w = performance.now();
      const created = await client.request("POST", `/api/tasks/${taskId}/check-ins`, {
        period: "2024-Q3",
        doneText: "Đã triển khai.",
        progress: 100,
        reportedComplete: true,
        completedOn: "2024-08-01",
      });
      if (created.status !== 201)
        throw new Error(`check-in ${created.status}: ${created.text.slice(0, 200)}`);
      const id = (created.body as { id: string }).id;
      for (const step of ["submit", "confirm"]) {
        const r = await client.request("POST", `/api/check-ins/${id}/${step}`);
        if (r.status !== 200) throw new Error(`${step} ${r.status}`);
      }
      writes.push(performance.now() - w);
      const a = performance.now();
      const r = await client.request("GET", url);
      afterWrite.push(performance.now() - a);
      if (r.status !== 200) throw new Error(`dashboard ${r.status}`);
      const again = performance.now();
      await client.request("GET", url);
      times.push(performance.now() - again);
    }
    // The reference programme's report (loaded once, cold).
    const ref = await buildReferenceProgramme(platform);
    const userId = (await s.db.selectFrom("users").select("id").executeTakeFirstOrThrow()).id;
    for (const [i, id] of Object.values(ref.taskIds).entries())
      await buildCheckIn(platform, id, {
        createdBy: userId,
        submittedAt: `2024-0${1 + (i % 9)}-12T02:00:00Z`,
        difficulties: "Kinh phí hạn chế.",
      });
    const r0 = performance.now();
    const draft = await s.reports.draft(ref.id, { kind: "annual", year: 2024, format: "party" });
    const { buildReportDocx } = await import("../src/modules/reports/docx/report.docx.js");
    const docx = await buildReportDocx(draft.model);
    const reportMs = performance.now() - r0;
    return {
      label,
      seedMs,
      coldMs,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      afterWriteP50: percentile(afterWrite, 50),
      afterWriteP95: percentile(afterWrite, 95),
      afterWriteMax: Math.max(...afterWrite),
      writeP50: percentile(writes, 50),
      reportMs,
      docxBytes: docx.length,
    };
  } finally {
    await platform.close();
  }
}

const results = await onEachDatabase(benchOne);

const f = (n: number) => n.toFixed(1);
const lines = [
  "",
  `### Follow-up dashboard run — ${new Date().toISOString()}`,
  "",
  `${machineLine()} ${TASKS} tasks, ${CHECK_INS} check-ins; dashboard API (in-process inject): one cold call, ${RUNS} warm reads, then ${WRITE_ROUNDS} rounds of a write (check-in created, submitted, confirmed: 3 API calls) followed by a timed read, and another warm read; annual report of the reference programme (20 tasks) draft + .docx.`,
  "",
  "| Database | seed (ms) | cold (ms) | warm p50 | warm p95 | after-write p50 | after-write p95 | after-write max | write (3 calls) p50 | target p95 < 50 (all reads) | annual report (ms) |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.label} | ${f(r.seedMs)} | ${f(r.coldMs)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.afterWriteP50)} | ${f(r.afterWriteP95)} | ${f(r.afterWriteMax)} | ${f(r.writeP50)} | ${Math.max(r.p95, r.afterWriteP95) < 50 ? "✓" : "✗"} | ${f(r.reportMs)} |`,
  ),
];
record(lines);
process.exit(0);
