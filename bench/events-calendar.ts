/**
 * Bench: the events calendar with 20,000 events over 10 years (2017–2026: 19,000 one-off events,
 * 800 yearly solar anniversaries, 200 yearly lunar ones), on SQLite and (with --postgres) PostgreSQL in a
 * throw-away cluster. Targets (issue 12): a month view p95 < 50 ms; an ICS feed of a year < 200 ms.
 * Timed through the HTTP API in process (Fastify inject), so validation, expansion of recurring events,
 * labels, lunar dates and serialisation are all counted. Appends results to bench/RESULTS.md.
 *
 *   node --import ./scripts/ts-loader.mjs bench/events-calendar.ts [--postgres] [--no-record]
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type Config, loadConfig } from "../src/config/config.js";
import { createPlatform, type Platform } from "../src/main.js";
import { ensureAdministrator } from "../src/modules/auth/first-run.js";
import { foldEventText } from "../src/modules/events/events.repository.js";
import type { EventTable } from "../src/modules/events/events.tables.js";
import type { Db } from "../src/platform/db/database.js";
import { solarToLunar } from "../src/shared/calendar/lunar-calendar.js";
import { signIn } from "../test/support/http.js";
import { machineLine, onEachDatabase, percentile, record } from "./bench-support.js";

const ONE_OFF = 19_000;
const YEARLY_SOLAR = 800;
const YEARLY_LUNAR = 200;
const RUNS = 120;
const ADMIN = { email: "bench@haidang.local", password: "Bench-password-2024" };
const KINDS = ["anniversary", "holiday", "festival", "fair", "conference", "delegation", "other"];

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

async function seed(db: Db) {
  const start = Date.UTC(2017, 0, 1);
  const span = Date.UTC(2026, 11, 31) - start;
  const now = new Date().toISOString();
  const rows: EventTable[] = [];
  const base = (
    i: number,
    title: string,
  ): Omit<EventTable, "start_date" | "end_date" | "calendar" | "recurrence"> => ({
    id: randomUUID(),
    title,
    folded_text: foldEventText(title, "Hải Phòng"),
    kind: KINDS[i % KINDS.length] as string,
    description: null,
    location: "Hải Phòng",
    lunar_year: null,
    lunar_month: null,
    lunar_day: null,
    lunar_leap: null,
    origin_year: null,
    unit_id: null,
    created_by: null,
    created_at: now,
    updated_at: now,
  });
  for (let i = 0; i < ONE_OFF; i++) {
    const t = start + ((i * 7919) % 3650) * 86_400_000 + (i % 1000);
    const first = dayOf(Math.min(start + span, t));
    const last = dayOf(Math.min(start + span, t + (i % 4) * 86_400_000));
    rows.push({
      ...base(i, `Sự kiện số ${i} về hợp tác quốc tế`),
      calendar: "solar",
      start_date: first,
      end_date: last,
      recurrence: "none",
    });
  }
  for (let i = 0; i < YEARLY_SOLAR; i++) {
    const day = dayOf(Date.UTC(1930 + (i % 90), i % 12, 1 + (i % 28)));
    rows.push({
      ...base(i, `Ngày kỷ niệm số ${i}`),
      calendar: "solar",
      start_date: day,
      end_date: day,
      recurrence: "yearly",
      origin_year: Number(day.slice(0, 4)),
    });
  }
  for (let i = 0; i < YEARLY_LUNAR; i++) {
    const day = dayOf(Date.UTC(2000 + (i % 20), i % 12, 1 + (i % 28)));
    const lunar = solarToLunar(day);
    rows.push({
      ...base(i, `Lễ hội âm lịch số ${i}`),
      calendar: "lunar",
      start_date: day,
      end_date: day,
      recurrence: "yearly",
      lunar_year: lunar.year,
      lunar_month: lunar.month,
      lunar_day: lunar.day,
      lunar_leap: lunar.leap ? 1 : 0,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("events")
      .values(rows.slice(i, i + 500))
      .execute();
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
    const t0 = performance.now();
    await seed(s.db);
    const seedMs = performance.now() - t0;
    const client = await signIn(platform.app, ADMIN.email, ADMIN.password);
    const month: number[] = [];
    let occurrences = 0;
    for (let i = 0; i < RUNS; i++) {
      const y = 2017 + (i % 10);
      const m = 1 + ((i * 5) % 12);
      const from = `${y}-${String(m).padStart(2, "0")}-01`;
      const to = dayOf(Date.UTC(y, m, 0));
      const a = performance.now();
      const r = await client.request("GET", `/api/events?from=${from}&to=${to}`);
      month.push(performance.now() - a);
      if (r.status !== 200) throw new Error(`month ${r.status}: ${r.text.slice(0, 200)}`);
      occurrences += (r.body as { items: unknown[] }).items.length;
    }
    const search: number[] = [];
    for (let i = 0; i < 40; i++) {
      const a = performance.now();
      const r = await client.request("GET", `/api/events?from=2025-01-01&to=2025-12-31&q=hop%20tac%20${i}`);
      search.push(performance.now() - a);
      if (r.status !== 200) throw new Error(`search ${r.status}`);
    }
    const year: number[] = [];
    let icsBytes = 0;
    for (let i = 0; i < 10; i++) {
      const y = 2017 + i;
      const a = performance.now();
      const r = await client.request("GET", `/api/events/export.ics?from=${y}-01-01&to=${y}-12-31`);
      year.push(performance.now() - a);
      if (r.status !== 200) throw new Error(`ics ${r.status}`);
      icsBytes = r.text.length;
    }
    return {
      label,
      seedMs,
      monthP50: percentile(month, 50),
      monthP95: percentile(month, 95),
      perMonth: occurrences / RUNS,
      searchP95: percentile(search, 95),
      icsP50: percentile(year, 50),
      icsMax: Math.max(...year),
      icsBytes,
    };
  } finally {
    await platform.close();
  }
}

const results = await onEachDatabase(benchOne);

const f = (n: number) => n.toFixed(1);
const lines = [
  "",
  `### Events calendar run — ${new Date().toISOString()}`,
  "",
  `${machineLine()} ${ONE_OFF + YEARLY_SOLAR + YEARLY_LUNAR} events over 2017–2026 (${YEARLY_SOLAR} yearly solar, ${YEARLY_LUNAR} yearly lunar); API in process: ${RUNS} month views, 40 searches over a year, ICS export of each of the 10 years.`,
  "",
  "| Database | seed (ms) | month p50 | month p95 | occurrences / month | target p95 < 50 | year search p95 | ICS year p50 | ICS year max | target < 200 | ICS bytes |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...results.map(
    (r) =>
      `| ${r.label} | ${f(r.seedMs)} | ${f(r.monthP50)} | ${f(r.monthP95)} | ${f(r.perMonth)} | ${r.monthP95 < 50 ? "✓" : "✗"} | ${f(r.searchP95)} | ${f(r.icsP50)} | ${f(r.icsMax)} | ${r.icsMax < 200 ? "✓" : "✗"} | ${r.icsBytes} |`,
  ),
];
record(lines);
process.exit(0);
