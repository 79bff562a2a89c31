/**
 * The media-monitoring figures a semi-annual or annual report quotes for its period: coverage of the
 * city (items that mention it) by language, country, outlet type, tone and topic; the outlets that
 * wrote most; items flagged as possibly false; and the response cases worked in the period with their
 * assessment, actions, outcome and linked programme task.
 *
 * Read-only and without an actor: the caller (the reports module) checks its own permission.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { escapeLike } from "../../../platform/http/pagination.js";
import { hoChiMinhDateOf, hoChiMinhDayStart } from "../../follow-up/calendar/calendar.clock.js";
import { addDays } from "../../follow-up/calendar/calendar.dates.js";
import { DEFAULT_TOPICS } from "../analysis/topic.terms.js";
import { MANUAL_SOURCES } from "../monitoring-sources.service.js";
import { isOutsideCoverage } from "./stats.repository.js";

/** A response case as a report cites it. */
export interface ReportCase {
  id: string;
  title: string;
  /** `accurate`, `misleading`, `false`, `hostile`. */
  assessment: string;
  /** `open`, `in_progress`, `resolved`, `closed`. */
  state: string;
  /** The programme task the case counts for (task 14: rebutting false information), if linked. */
  taskId: string | null;
  actions: { kind: string; note: string }[];
  outcome: string | null;
  /** Local (Asia/Ho_Chi_Minh) day the case was opened. */
  openedOn: string;
  /** Local day the case was resolved or closed (đã xử lý), else null. */
  closedOn: string | null;
  isOpenedInPeriod: boolean;
  isClosedInPeriod: boolean;
  /** Rebuttal articles (bài phản bác) of the portal linked to the case, whenever published. */
  rebuttals?: { items: number; published: number; languages: number; views: number };
}

/** One outlet among those that wrote most about the city. */
export interface ReportOutlet {
  name: string;
  outletType: string;
  country: string;
  count: number;
}

/** Everything a report says about media monitoring for a period (days inclusive, local time). */
export interface MonitoringReportFigures {
  from: string;
  to: string;
  /** Items published in the period that mention the city. */
  total: number;
  /** Distinct outlets (sources) of those items. */
  outlets: number;
  byLanguage: Record<string, number>;
  byCountry: Record<string, number>;
  byOutletType: Record<string, number>;
  byTone: Record<string, number>;
  /** An item with two topics counts in each. */
  byTopic: Record<string, number>;
  /** Vietnamese display names of the topic keys (from the editable dictionary). */
  topicNames: Record<string, string>;
  topOutlets: ReportOutlet[];
  /** Items mentioning the city flagged `check_false_info` (possibly false or distorted). */
  flaggedFalse: number;
  /** Cases opened before the period ended and not closed before it began. */
  cases: ReportCase[];
  /**
   * Items the city's own channels (the portal's feeds) published in the period: never part of the
   * coverage figures above, which are outside coverage only.
   */
  ownChannel?: { total: number; byLanguage: Record<string, number> };
}

/** First instant of a day in Viet Nam, as the ISO string the tables store. */
const startOfDay = hoChiMinhDayStart;
/** First instant after a day in Viet Nam. */
const endOfDay = (day: string) => hoChiMinhDayStart(addDays(day, 1));

function parseJson<T>(text: string | null, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** SQL of the figures; every query is bounded by the period and groups in the database. */
function createReportFiguresRepository() {
  const cityItems = (db: DbOrTrx, from: string, to: string) =>
    db
      .selectFrom("monitoring_items")
      .where("monitoring_items.mentions_city", "=", 1)
      .where(isOutsideCoverage)
      .where("monitoring_items.published_day", ">=", from)
      .where("monitoring_items.published_day", "<=", to);

  return {
    byDimensions(db: DbOrTrx, from: string, to: string) {
      return cityItems(db, from, to)
        .select([
          "monitoring_items.language",
          "monitoring_items.country",
          "monitoring_items.outlet_type",
          "monitoring_items.tone",
        ])
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .groupBy([
          "monitoring_items.language",
          "monitoring_items.country",
          "monitoring_items.outlet_type",
          "monitoring_items.tone",
        ])
        .execute();
    },
    byTopic(db: DbOrTrx, from: string, to: string) {
      return cityItems(db, from, to)
        .innerJoin("monitoring_item_topics as t", "t.item_id", "monitoring_items.id")
        .select("t.topic")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .groupBy("t.topic")
        .execute();
    },
    async outletCount(db: DbOrTrx, from: string, to: string) {
      const row = await cityItems(db, from, to)
        .select((eb) => eb.fn.count<number | string>("monitoring_items.source_id").distinct().as("n"))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Named outlets only: the built-in manual-entry sources are not outlets. */
    topOutlets(db: DbOrTrx, from: string, to: string, limit: number) {
      return cityItems(db, from, to)
        .innerJoin("monitoring_sources as s", "s.id", "monitoring_items.source_id")
        .where(
          "s.id",
          "not in",
          Object.values(MANUAL_SOURCES).map((m) => m.id),
        )
        .select(["s.name", "s.outlet_type", "s.country"])
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .groupBy(["s.id", "s.name", "s.outlet_type", "s.country"])
        .orderBy("n", "desc")
        .orderBy("s.name")
        .limit(limit)
        .execute();
    },
    async flaggedFalse(db: DbOrTrx, from: string, to: string) {
      const row = await cityItems(db, from, to)
        // The flag's underscores are LIKE wildcards: escaped, so only the flag itself matches.
        .where(
          sql<boolean>`monitoring_items.flags_json like ${`%"${escapeLike("check_false_info")}"%`} escape '\\'`,
        )
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Cases opened before `before` and not resolved/closed before `since` (ISO instants). */
    casesActive(db: DbOrTrx, since: string, before: string) {
      return db
        .selectFrom("monitoring_cases")
        .select([
          "id",
          "title",
          "assessment",
          "state",
          "task_id",
          "actions_json",
          "outcome",
          "created_at",
          "closed_at",
        ])
        .where("created_at", "<", before)
        .where((eb) => eb.or([eb("closed_at", "is", null), eb("closed_at", ">=", since)]))
        .orderBy("created_at")
        .limit(2000)
        .execute();
    },
    /** The city's own channels' items per language in the period. */
    ownChannelByLanguage(db: DbOrTrx, from: string, to: string) {
      return db
        .selectFrom("monitoring_items")
        .innerJoin("monitoring_sources as s", "s.id", "monitoring_items.source_id")
        .where("s.is_own_channel", "=", 1)
        .where("monitoring_items.published_day", ">=", from)
        .where("monitoring_items.published_day", "<=", to)
        .select("monitoring_items.language")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .groupBy("monitoring_items.language")
        .execute();
    },
    /** Per case: rebuttal articles linked, languages published and their views (all time). */
    async rebuttalsOf(db: DbOrTrx, caseIds: readonly string[]) {
      if (caseIds.length === 0) return [];
      const [links, published, views] = await Promise.all([
        db
          .selectFrom("portal_item_cases")
          .where("case_id", "in", caseIds)
          .select(["case_id", "item_id"])
          .execute(),
        db
          .selectFrom("portal_item_cases as l")
          .innerJoin("portal_localizations as loc", "loc.item_id", "l.item_id")
          .where("l.case_id", "in", caseIds)
          .where("loc.first_published_at", "is not", null)
          .select(["l.case_id", "loc.item_id", "loc.lang"])
          .execute(),
        db
          .selectFrom("portal_item_cases as l")
          .innerJoin("portal_views as v", "v.item_id", "l.item_id")
          .where("l.case_id", "in", caseIds)
          .select("l.case_id")
          .select((eb) => eb.fn.sum<number | string>("v.views").as("n"))
          .groupBy("l.case_id")
          .execute(),
      ]);
      return caseIds.map((caseId) => {
        const done = published.filter((p) => p.case_id === caseId);
        return {
          caseId,
          items: links.filter((l) => l.case_id === caseId).length,
          published: new Set(done.map((p) => p.item_id)).size,
          languages: new Set(done.map((p) => p.lang)).size,
          views: Number(views.find((v) => v.case_id === caseId)?.n ?? 0),
        };
      });
    },
    async topicDictionary(db: DbOrTrx) {
      const row = await db
        .selectFrom("monitoring_dictionaries")
        .select("data_json")
        .where("kind", "=", "topics")
        .executeTakeFirst();
      return row?.data_json ?? null;
    },
  };
}

/**
 * Builds the report figures reader.
 *
 * @example const f = await createReportFigures({ db }).forPeriod("2023-12-15", "2024-06-14"); f.total
 */
export function createReportFigures(deps: { db: DbOrTrx }) {
  const { db } = deps;
  const repo = createReportFiguresRepository();
  return {
    async forPeriod(from: string, to: string): Promise<MonitoringReportFigures> {
      const [dims, topics, outlets, top, flagged, cases, dictionary, own] = await Promise.all([
        repo.byDimensions(db, from, to),
        repo.byTopic(db, from, to),
        repo.outletCount(db, from, to),
        repo.topOutlets(db, from, to, 10),
        repo.flaggedFalse(db, from, to),
        repo.casesActive(db, startOfDay(from), endOfDay(to)),
        repo.topicDictionary(db),
        repo.ownChannelByLanguage(db, from, to),
      ]);
      const rebuttals = await repo.rebuttalsOf(
        db,
        cases.map((c) => c.id),
      );
      const figures: MonitoringReportFigures = {
        from,
        to,
        total: 0,
        outlets,
        byLanguage: {},
        byCountry: {},
        byOutletType: {},
        byTone: {},
        byTopic: {},
        topicNames: Object.fromEntries(DEFAULT_TOPICS.map((t) => [t.topic, t.nameVi])),
        topOutlets: top.map((o) => ({
          name: o.name,
          outletType: o.outlet_type,
          country: o.country,
          count: Number(o.n),
        })),
        flaggedFalse: flagged,
        cases: [],
        ownChannel: { total: 0, byLanguage: {} },
      };
      const ownChannel = { total: 0, byLanguage: {} as Record<string, number> };
      figures.ownChannel = ownChannel;
      const inc = (m: Record<string, number>, k: string, n: number) => {
        m[k] = (m[k] ?? 0) + n;
      };
      for (const r of dims) {
        const n = Number(r.n);
        figures.total += n;
        inc(figures.byLanguage, r.language, n);
        inc(figures.byCountry, r.country, n);
        inc(figures.byOutletType, r.outlet_type, n);
        inc(figures.byTone, r.tone, n);
      }
      for (const r of topics) inc(figures.byTopic, r.topic, Number(r.n));
      for (const r of own) {
        ownChannel.total += Number(r.n);
        inc(ownChannel.byLanguage, r.language, Number(r.n));
      }
      const edited = parseJson<{ topics?: { topic?: string; nameVi?: string }[] }>(dictionary, {});
      for (const t of edited.topics ?? []) if (t.topic && t.nameVi) figures.topicNames[t.topic] = t.nameVi;

      for (const c of cases) {
        const openedOn = hoChiMinhDateOf(c.created_at);
        const closedOn = c.closed_at ? hoChiMinhDateOf(c.closed_at) : null;
        figures.cases.push({
          id: c.id,
          title: c.title,
          assessment: c.assessment,
          state: c.state,
          taskId: c.task_id,
          actions: parseJson<{ kind: string; note?: string }[]>(c.actions_json, []).map((a) => ({
            kind: a.kind,
            note: a.note ?? "",
          })),
          outcome: c.outcome,
          openedOn,
          closedOn,
          isOpenedInPeriod: openedOn >= from && openedOn <= to,
          isClosedInPeriod: closedOn !== null && closedOn >= from && closedOn <= to,
          rebuttals: (({ caseId: _, ...counts }) => counts)(
            rebuttals.find((r) => r.caseId === c.id) ?? {
              caseId: c.id,
              items: 0,
              published: 0,
              languages: 0,
              views: 0,
            },
          ),
        });
      }
      return figures;
    },
  };
}

export type ReportFigures = ReturnType<typeof createReportFigures>;
