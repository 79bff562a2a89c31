/**
 * Bench: the external-affairs registers' pages with 5,000 entries each (partners, training courses and
 * award entries too) and 20,000 events, on SQLite and (with --postgres) PostgreSQL in a throw-away cluster.
 * Targets (issue 12): a register page answers in p95 < 50 ms; the annual report with all registers
 * (its Word document and its Excel annex, a sheet per register) in < 1 s.
 * Timed through the HTTP API in process (Fastify inject): validation, accent-free search, filters,
 * counts and serialisation are all counted; the report through the routes the web app calls (draft,
 * then the .docx and the .xlsx export). Appends results to bench/RESULTS.md.
 *
 * Each register is one entry of `REGISTERS` (a seed and the pages to ask for); other registers add theirs.
 *
 *   node --import ./scripts/ts-loader.mjs bench/registers.ts [--postgres] [--no-record] [--report-only]
 *
 * `--report-only` seeds everything but times only the annual report (for profiling it with `--cpu-prof`);
 * `--only=<text>` seeds and times only the lines whose name contains the text, without the report
 * (e.g. `--only=Sự kiện`).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type Config, loadConfig } from "../src/config/config.js";
import { createPlatform, type Platform } from "../src/main.js";
import { ensureAdministrator } from "../src/modules/auth/first-run.js";
import { foldBudgetText } from "../src/modules/budget/budget.repository.js";
import type { BudgetItemTable } from "../src/modules/budget/budget.tables.js";
import { foldDelegationText } from "../src/modules/delegations/delegations.service.js";
import type { DelegationTable } from "../src/modules/delegations/delegations.tables.js";
import { foldEventText } from "../src/modules/events/events.repository.js";
import type { EventTable } from "../src/modules/events/events.tables.js";
import { foldInstallationText } from "../src/modules/installations/installations.repository.js";
import type { InstallationTable } from "../src/modules/installations/installations.tables.js";
import { foldPartnerText } from "../src/modules/partners/partners.repository.js";
import type { PartnerAgreementTable, PartnerTable } from "../src/modules/partners/partners.tables.js";
import type { PressReporterTable, PressVisitTable } from "../src/modules/press-visits/press-visits.tables.js";
import type { TaskRecordLinkTable } from "../src/modules/registers/registers.tables.js";
import { foldAwardText } from "../src/modules/training/awards.repository.js";
import { foldCourseText } from "../src/modules/training/training.repository.js";
import type { AwardEntryTable, TrainingCourseTable } from "../src/modules/training/training.tables.js";
import type { Db } from "../src/platform/db/database.js";
import { DISTRICT_CODES } from "../src/shared/api/installations.js";
import { foldVietnamese } from "../src/shared/text/fold.js";
import { buildReferenceProgramme } from "../test/support/factories.js";
import { type Client, signIn } from "../test/support/http.js";
import { machineLine, onEachDatabase, percentile, record } from "./bench-support.js";

const ENTRIES = 5_000;
const EVENTS = 20_000;
const REPORT_RUNS = 5;
const RUNS = process.argv.includes("--report-only") ? 0 : 100;
const ADMIN = { email: "bench@haidang.local", password: "Bench-password-2024" };
const COUNTRIES = ["JP", "KR", "CN", "LA", "KH", "FR", "DE", "US", "RU", "SG", "TH", "AU"];
const PARTNERS = [
  "Kitakyushu",
  "Incheon",
  "Quảng Tây",
  "Luang Prabang",
  "Normandie",
  "Kobe",
  "Busan",
  "Thiên Tân",
];

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Day `i` of 2017–2026, spread deterministically. */
const spreadDay = (i: number, plus = 0) =>
  dayOf(Date.UTC(2017, 0, 1) + (((i * 7919) % 3650) + plus) * 86_400_000);

async function insertAll<T>(
  db: Db,
  table:
    | "delegations"
    | "press_visits"
    | "press_reporters"
    | "budget_items"
    | "installations"
    | "partners"
    | "partner_agreements"
    | "training_courses"
    | "award_entries"
    | "events"
    | "task_record_links",
  rows: T[],
) {
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 400) as never)
      .execute();
}

interface RegisterBench {
  name: string;
  seed(db: Db): Promise<void>;
  /** The page asked for at run `i` (first page of a list, a filter, a search, a period's totals). */
  page(i: number): string;
}

const now = new Date().toISOString();

const delegations: RegisterBench = {
  name: "Đoàn ra, đoàn vào (list)",
  async seed(db) {
    const rows: DelegationTable[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const country = COUNTRIES[i % COUNTRIES.length] as string;
      const partner = `Thành phố ${PARTNERS[i % PARTNERS.length]}`;
      const title = `Đoàn công tác số ${i} thăm ${partner}`;
      rows.push({
        id: randomUUID(),
        title,
        folded_text: foldDelegationText(title, partner, country),
        channel: ["party", "government", "people"][i % 3] as string,
        direction: i % 2 ? "inbound" : "outbound",
        country_code: country,
        partner,
        level: "Lãnh đạo thành phố",
        head_json: JSON.stringify({ name: `Trưởng đoàn ${i}`, title: "Phó Chủ tịch", personId: null }),
        members_json: JSON.stringify(
          Array.from({ length: 5 }, (_, k) => ({ name: `Thành viên ${k}`, title: null })),
        ),
        start_date: spreadDay(i),
        end_date: spreadDay(i, 4),
        itinerary_json: JSON.stringify(["Ngày 1", "Ngày 2", "Ngày 3"]),
        info_plan_json: JSON.stringify({
          pressRelease: true,
          photos: true,
          interviews: false,
          languages: ["vi"],
        }),
        responsible_unit_id: null,
        auth_number: `${i}/QĐ-UBND`,
        auth_date: spreadDay(i, -14),
        auth_issuer: "UBND thành phố",
        status: ["proposed", "approved", "in_progress", "done", "cancelled"][i % 5] as string,
        agreements_json: "[]",
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
    await insertAll(db, "delegations", rows);
  },
  page(i) {
    const pages = [
      "/api/delegations",
      `/api/delegations?year=${2017 + (i % 10)}`,
      `/api/delegations?q=${encodeURIComponent(i % 2 ? "nhat ban" : "Quảng Tây")}`,
      `/api/delegations?status=done&direction=inbound&country=${COUNTRIES[i % COUNTRIES.length]}`,
      `/api/delegations?page=${1 + (i % 40)}&pageSize=50`,
    ];
    return pages[i % pages.length] as string;
  },
};

const pressVisits: RegisterBench = {
  name: "Đoàn phóng viên nước ngoài (list)",
  async seed(db) {
    const visits: PressVisitTable[] = [];
    const reporters: PressReporterTable[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const id = randomUUID();
      const outlets = [`Báo ${i % 300}`, `Đài ${(i * 7) % 300}`];
      const groupName = `Đoàn phóng viên số ${i} tìm hiểu cảng biển`;
      visits.push({
        id,
        group_name: groupName,
        folded_text: foldVietnamese(`${groupName} ${outlets.join(" ")}`),
        start_date: spreadDay(i),
        end_date: spreadDay(i, 3),
        approval_number: `${i}/BNG-TTBC`,
        approval_date: spreadDay(i, -10),
        approval_authority: "Bộ Ngoại giao",
        programme_json: "[]",
        escorts_json: "[]",
        topics_json: JSON.stringify(["Cảng biển"]),
        materials_json: "[]",
        personal_erased_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      // 198 reporters in 10 groups, as in the committee's figures: about 20 a group.
      for (let k = 0; k < 20; k++)
        reporters.push({
          id: randomUUID(),
          visit_id: id,
          position: k,
          name: `Phóng viên ${i}-${k}`,
          role: "Phóng viên",
          outlet: outlets[k % 2] as string,
          source_id: null,
          country_code: COUNTRIES[(i + k) % COUNTRIES.length] as string,
        });
    }
    await insertAll(db, "press_visits", visits);
    await insertAll(db, "press_reporters", reporters);
  },
  page(i) {
    const pages = [
      "/api/press-visits",
      `/api/press-visits?year=${2017 + (i % 10)}`,
      `/api/press-visits?q=${encodeURIComponent(`bao ${i % 300}`)}`,
      `/api/press-visits?country=${COUNTRIES[i % COUNTRIES.length]}&page=${1 + (i % 10)}`,
    ];
    return pages[i % pages.length] as string;
  },
};

const pressTotals: RegisterBench = {
  name: "Đoàn phóng viên: tổng hợp một năm",
  async seed() {},
  page: (i) => `/api/press-visits/totals?from=${2017 + (i % 10)}-01-01&to=${2017 + (i % 10)}-12-31`,
};

const BUDGET_STATUSES = ["proposed", "approved", "disbursed"] as const;
const budget: RegisterBench = {
  name: "Đề xuất kinh phí (list)",
  async seed(db) {
    const rows: BudgetItemTable[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const title = `Kinh phí tuyên truyền số ${i}: ${PARTNERS[i % PARTNERS.length]} – quảng bá Hải Phòng`;
      const status = BUDGET_STATUSES[i % 3] as string;
      const proposed = 10_000_000 * (1 + (i % 50));
      rows.push({
        id: randomUUID(),
        title,
        folded_text: foldBudgetText(title, null),
        year: 2017 + (i % 10),
        description: null,
        unit_id: null,
        status,
        proposed_amount: proposed,
        approved_amount: status === "proposed" ? null : proposed - 1_000_000,
        disbursed_amount: status === "disbursed" ? proposed - 2_000_000 : null,
        proposed_on: spreadDay(i),
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
    await insertAll(db, "budget_items", rows);
  },
  page(i) {
    const pages = [
      "/api/budget-items",
      `/api/budget-items?year=${2017 + (i % 10)}`,
      `/api/budget-items?q=${encodeURIComponent(i % 2 ? "quang ba hai phong" : "Kobe")}`,
      `/api/budget-items/totals?year=${2017 + (i % 10)}`,
      `/api/budget-items?status=approved&page=${1 + (i % 20)}&sort=-proposedAmount`,
    ];
    return pages[i % pages.length] as string;
  },
};

const installations: RegisterBench = {
  name: "Công trình trực quan (list)",
  async seed(db) {
    const rows: InstallationTable[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const title = `Pano số ${i} chào mừng ${PARTNERS[i % PARTNERS.length]}`;
      const address = `Đường số ${i % 200}, Hải Phòng`;
      const themes = ["Kỷ niệm Ngày giải phóng Hải Phòng"];
      rows.push({
        id: randomUUID(),
        title,
        folded_text: foldInstallationText(title, address, themes),
        kind: ["billboard", "led_screen", "panel"][i % 3] as string,
        address,
        district: DISTRICT_CODES[i % DISTRICT_CODES.length] as string,
        latitude: 20.8 + (i % 100) / 1000,
        longitude: 106.6 + (i % 100) / 1000,
        width_m: 12,
        height_m: 6,
        themes_json: JSON.stringify(themes),
        status: ["proposed", "approved", "installed"][i % 3] as string,
        installed_on: i % 3 === 2 ? spreadDay(i) : null,
        unit_id: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
    await insertAll(db, "installations", rows);
  },
  page(i) {
    const pages = [
      "/api/installations",
      `/api/installations?district=${DISTRICT_CODES[i % DISTRICT_CODES.length]}`,
      `/api/installations?q=${encodeURIComponent(i % 2 ? "chao mung kobe" : "Đường số 17")}`,
      `/api/installations?status=installed&kind=led_screen&page=${1 + (i % 10)}`,
    ];
    return pages[i % pages.length] as string;
  },
};

const PARTNER_KINDS = [
  "sister_city",
  "international_org",
  "partner_media",
  "overseas_association",
  "city_symbol",
];
const partners: RegisterBench = {
  name: "Đối tác, cộng đồng (list)",
  async seed(db) {
    const rows: PartnerTable[] = [];
    const agreements: PartnerAgreementTable[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const country = ["Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào", "Pháp", "Hoa Kỳ"][i % 6] as string;
      const p = {
        name_vi: `Thành phố ${PARTNERS[i % PARTNERS.length]} số ${i}`,
        name_original: null,
        country,
        description: i % 4 ? null : "Hợp tác cảng biển, du lịch và giáo dục",
      };
      const id = randomUUID();
      rows.push({
        id,
        kind: PARTNER_KINDS[i % PARTNER_KINDS.length] as string,
        ...p,
        since_date: spreadDay(i),
        folded_text: foldPartnerText(p),
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      agreements.push({
        id: randomUUID(),
        partner_id: id,
        title: `Thỏa thuận hợp tác số ${i}`,
        signed_on: spreadDay(i),
        expires_on: spreadDay(i, 1825),
        delegation_id: null,
        note: null,
        reminded_for: null,
        created_at: now,
      });
    }
    await insertAll(db, "partners", rows);
    await insertAll(db, "partner_agreements", agreements);
  },
  page(i) {
    const pages = [
      "/api/partners",
      `/api/partners?kind=${PARTNER_KINDS[i % PARTNER_KINDS.length]}`,
      `/api/partners?q=${encodeURIComponent(i % 2 ? "nhat ban" : "Quảng Tây")}`,
      `/api/partners?country=${encodeURIComponent("Hàn Quốc")}&page=${1 + (i % 10)}`,
    ];
    return pages[i % pages.length] as string;
  },
};

const AWARD_CATEGORIES = ["press", "television", "radio", "book", "photo", "online", "other"];
const training: RegisterBench = {
  name: "Bồi dưỡng, giải thưởng (list)",
  async seed(db) {
    const courses: TrainingCourseTable[] = [];
    const awards: AwardEntryTable[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const c = {
        title: `Lớp bồi dưỡng nghiệp vụ thông tin đối ngoại số ${i}`,
        topics: "Kỹ năng phát ngôn\nQuảng bá hình ảnh thành phố",
        trainers: `Báo cáo viên ${i % 40}`,
        location: "Hải Phòng",
      };
      courses.push({
        id: randomUUID(),
        ...c,
        start_date: spreadDay(i),
        end_date: spreadDay(i, 2),
        folded_text: foldCourseText(c),
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      const a = { title: `Tác phẩm số ${i}: Hải Phòng vươn ra biển lớn`, authors: `Nhóm tác giả ${i % 300}` };
      awards.push({
        id: randomUUID(),
        ...a,
        category: AWARD_CATEGORIES[i % AWARD_CATEGORIES.length] as string,
        round: `Lần thứ ${1 + (i % 10)}`,
        year: 2017 + (i % 10),
        submitted_on: spreadDay(i),
        result: ["pending", "not_awarded", "a", "b", "c", "consolation"][i % 6] as string,
        folded_text: foldAwardText(a),
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
    await insertAll(db, "training_courses", courses);
    await insertAll(db, "award_entries", awards);
  },
  page(i) {
    const pages = [
      "/api/training/courses",
      `/api/training/courses?from=${2017 + (i % 10)}-01-01&to=${2017 + (i % 10)}-12-31`,
      `/api/training/courses?q=${encodeURIComponent(i % 2 ? "phat ngon" : "Báo cáo viên 7")}`,
      "/api/training/awards",
      `/api/training/awards?year=${2017 + (i % 10)}&category=${AWARD_CATEGORIES[i % AWARD_CATEGORIES.length]}`,
      `/api/training/awards?q=${encodeURIComponent("vuon ra bien")}&page=${1 + (i % 10)}`,
    ];
    return pages[i % pages.length] as string;
  },
};

/** 20,000 events over 2017–2026 (the calendar has its own bench); here for the report's figures. */
const events: RegisterBench = {
  name: "Sự kiện (tháng; danh sách 3 tháng, từng trang 50)",
  async seed(db) {
    const rows: EventTable[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const title = `Sự kiện số ${i} về hợp tác quốc tế`;
      const yearly = i % 20 === 0;
      rows.push({
        id: randomUUID(),
        title,
        folded_text: foldEventText(title, "Hải Phòng"),
        kind: ["anniversary", "holiday", "festival", "fair", "conference", "other"][i % 6] as string,
        description: null,
        location: "Hải Phòng",
        calendar: "solar",
        start_date: yearly ? spreadDay(i, -3650 * 3) : spreadDay(i),
        end_date: yearly ? spreadDay(i, -3650 * 3) : spreadDay(i, i % 4),
        recurrence: yearly ? "yearly" : "none",
        lunar_year: null,
        lunar_month: null,
        lunar_day: null,
        lunar_leap: null,
        origin_year: yearly ? Number(spreadDay(i, -3650 * 3).slice(0, 4)) : null,
        unit_id: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
    await insertAll(db, "events", rows);
  },
  /**
   * What the calendar page asks (EventsCalendarPage.tsx): a month view (the whole month), and the list
   * view — three months from the anchor month, 50 occurrences a page — plain, searched accent-free
   * (the search matches every test event), and its later pages.
   */
  page(i) {
    const year = 2017 + (i % 10);
    const month = i % 10; // 0-based
    const first = dayOf(Date.UTC(year, month, 1));
    const monthEnd = dayOf(Date.UTC(year, month + 1, 0));
    const listEnd = dayOf(Date.UTC(year, month + 3, 0));
    const list = `/api/events?from=${first}&to=${listEnd}&pageSize=50`;
    const pages = [
      `/api/events?from=${first}&to=${monthEnd}`,
      `${list}&page=1`,
      `${list}&page=1&q=${encodeURIComponent("hop tac quoc te")}`,
      `${list}&page=${2 + (i % 8)}&q=${encodeURIComponent("hop tac quoc te")}`,
    ];
    return pages[i % pages.length] as string;
  },
};

const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);

/** The registers measured; others append theirs (seed + pages). */
const ALL_REGISTERS: RegisterBench[] = [
  delegations,
  pressVisits,
  pressTotals,
  budget,
  installations,
  partners,
  training,
  events,
];
const REGISTERS = ONLY ? ALL_REGISTERS.filter((r) => r.name.includes(ONLY)) : ALL_REGISTERS;

/** Attaches 60 entries of every register to each task of the programme, as evidence. */
async function linkToTasks(db: Db, taskIds: string[]) {
  const kinds: [
    string,
    (
      | "delegations"
      | "press_visits"
      | "partners"
      | "budget_items"
      | "installations"
      | "training_courses"
      | "award_entries"
      | "events"
    ),
  ][] = [
    ["delegation", "delegations"],
    ["press_visit", "press_visits"],
    ["partner", "partners"],
    ["budget_item", "budget_items"],
    ["installation", "installations"],
    ["training_course", "training_courses"],
    ["award_entry", "award_entries"],
    ["event", "events"],
  ];
  const links: TaskRecordLinkTable[] = [];
  for (const [kind, table] of kinds) {
    const ids = (
      await db
        .selectFrom(table)
        .select("id")
        .orderBy("id")
        .limit(60 * taskIds.length)
        .execute()
    ).map((r) => r.id);
    ids.forEach((recordId, i) => {
      links.push({
        id: randomUUID(),
        task_id: taskIds[i % taskIds.length] as string,
        record_kind: kind,
        record_id: recordId,
        check_in_id: null,
        note: null,
        created_by: null,
        created_at: now,
      });
    });
  }
  await insertAll(db, "task_record_links", links);
  return links.length;
}

/** The annual report 2024 through the routes: draft (figures of every register), .docx, .xlsx annex. */
async function timeReport(client: Client, programmeId: string, run: number) {
  const a = performance.now();
  const created = await client.request("POST", `/api/programmes/${programmeId}/reports`, {
    kind: "annual",
    year: 2024,
    number: 100 + run, // a new text each run: the export cache does not answer for it
  });
  if (created.status !== 201) throw new Error(`report → ${created.status}: ${created.text.slice(0, 300)}`);
  const b = performance.now();
  const id = (created.body as { id: string }).id;
  const docx = await client.request("GET", `/api/reports/${id}/export?format=docx`);
  const c = performance.now();
  const xlsx = await client.request("GET", `/api/reports/${id}/export?format=xlsx`);
  const d = performance.now();
  if (docx.status !== 200 || xlsx.status !== 200) throw new Error(`export → ${docx.status} / ${xlsx.status}`);
  return { draft: b - a, docx: c - b, xlsx: d - c, total: d - a };
}

async function benchOne(label: string, database: Config["database"], dataDir: string) {
  const config: Config = {
    ...loadConfig({
      HAIDANG_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      HAIDANG_JOBS: "off",
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
    for (const r of REGISTERS) await r.seed(s.db);
    const seedMs = performance.now() - t0;
    const client = await signIn(platform.app, ADMIN.email, ADMIN.password);
    const rows = [];
    for (const r of RUNS > 0 ? REGISTERS : []) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const url = r.page(i);
        const a = performance.now();
        const res = await client.request("GET", url);
        if (i >= 5) times.push(performance.now() - a); // the first few warm the statement caches
        if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${res.text.slice(0, 200)}`);
      }
      rows.push({ name: r.name, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    if (ONLY) return { label, seedMs, rows, figuresMax: Number.NaN, linked: 0, report: null };
    const programme = await buildReferenceProgramme(platform);
    const linked = await linkToTasks(s.db, Object.values(programme.taskIds));
    const reportRuns: Awaited<ReturnType<typeof timeReport>>[] = [];
    for (let i = 0; i < REPORT_RUNS + 1; i++) {
      const r = await timeReport(client, programme.id, i);
      if (i > 0) reportRuns.push(r); // the first loads the Word and Excel builders
    }
    const figures: number[] = [];
    for (let i = 0; i < 10; i++) {
      const a = performance.now();
      await s.registers.reportFigures({ from: `${2017 + i}-01-01`, to: `${2017 + i}-12-31` }, []);
      figures.push(performance.now() - a);
    }
    const med = (k: "draft" | "docx" | "xlsx" | "total") =>
      percentile(
        reportRuns.map((r) => r[k]),
        50,
      );
    return {
      label,
      seedMs,
      rows,
      figuresMax: Math.max(...figures),
      linked,
      report: {
        draft: med("draft"),
        docx: med("docx"),
        xlsx: med("xlsx"),
        total: med("total"),
        max: Math.max(...reportRuns.map((r) => r.total)),
      },
    };
  } finally {
    await platform.close();
  }
}

const results = await onEachDatabase(benchOne);

const f = (n: number) => n.toFixed(1);
record([
  "",
  `### Registers run — ${new Date().toISOString()}`,
  "",
  `${machineLine()} ${ENTRIES} delegations and ${ENTRIES} press visits (${ENTRIES * 20} reporters), ${ENTRIES} budget items, installations, partners (one agreement each), training courses and award entries, ${EVENTS} events, over 2017–2026; API in process: ${RUNS > 0 ? `${RUNS} pages per line (first page, a year, accent-free search, filters, later pages)` : "no register pages (--report-only)"}; report figures of a year for every register (10 years, max); the annual report 2024 of the reference programme (20 tasks, ${results[0]?.linked ?? 0} entries attached to them) through the routes: draft, .docx, .xlsx annex (median of ${REPORT_RUNS} after one warm-up, each run a new text so the export cache does not answer).`,
  "",
  "| Database | seed (ms) | page | p50 (ms) | p95 (ms) | target p95 < 50 |",
  "|---|---|---|---|---|---|",
  ...results.flatMap((r) =>
    r.rows.map(
      (row) =>
        `| ${r.label} | ${f(r.seedMs)} | ${row.name} | ${f(row.p50)} | ${f(row.p95)} | ${row.p95 < 50 ? "✓" : "✗"} |`,
    ),
  ),
  ...results.flatMap((r) =>
    r.report
      ? [`| ${r.label} | | report figures of a year (all registers), max | | ${f(r.figuresMax)} | |`]
      : [],
  ),
  "",
  ...(ONLY
    ? [`(Only the lines matching "${ONLY}"; no report.)`]
    : [
        "| Database | annual report: draft (ms) | .docx (ms) | .xlsx annex (ms) | total median (ms) | total max (ms) | target < 1,000 |",
        "|---|---|---|---|---|---|---|",
      ]),
  ...results.flatMap((r) =>
    r.report
      ? [
          `| ${r.label} | ${f(r.report.draft)} | ${f(r.report.docx)} | ${f(r.report.xlsx)} | ${f(r.report.total)} | ${f(r.report.max)} | ${r.report.total < 1000 ? "✓" : "✗"} |`,
        ]
      : [],
  ),
]);
process.exit(0);
