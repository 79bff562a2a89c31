/** All SQL of coverage statistics: counts per local day and dimension, top outlets, top stories. */
import { type ExpressionBuilder, sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import type { Database } from "../../../platform/db/schema.js";

export interface DayCount {
  day: string;
  language: string;
  country: string;
  outlet_type: string;
  tone: string;
  topic: string | null;
  n: number;
}

/**
 * Items of outside coverage only: the city's own channels (the portal's feeds, `is_own_channel`) are
 * never mixed into the press at home and abroad; they are counted apart (`ownChannelByLanguage`).
 */
export function isOutsideCoverage(eb: ExpressionBuilder<Database, "monitoring_items">) {
  return eb(
    "monitoring_items.source_id",
    "not in",
    eb.selectFrom("monitoring_sources as own").select("own.id").where("own.is_own_channel", "=", 1),
  );
}

export function createStatsRepository() {
  return {
    /** Items per local day × language × country × outlet type × tone (topic null), between two days inclusive. */
    async byDay(db: DbOrTrx, from: string, to: string): Promise<DayCount[]> {
      const rows = await db
        .selectFrom("monitoring_items")
        .select(["published_day as day", "language", "country", "outlet_type", "tone"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("published_day", ">=", from)
        .where("published_day", "<=", to)
        .where(isOutsideCoverage)
        .groupBy(["published_day", "language", "country", "outlet_type", "tone"])
        .execute();
      return rows.map((r) => ({ ...r, topic: null, n: Number(r.n) }));
    },

    /** Items per local day × topic (an item with two topics counts in each). */
    async byDayTopic(db: DbOrTrx, from: string, to: string) {
      const rows = await db
        .selectFrom("monitoring_items")
        .innerJoin("monitoring_item_topics as t", "t.item_id", "monitoring_items.id")
        .select(["monitoring_items.published_day as day", "t.topic"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("monitoring_items.published_day", ">=", from)
        .where("monitoring_items.published_day", "<=", to)
        .where(isOutsideCoverage)
        .groupBy(["monitoring_items.published_day", "t.topic"])
        .execute();
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },

    async topOutlets(db: DbOrTrx, from: string, to: string, limit: number) {
      const rows = await db
        .selectFrom("monitoring_items")
        .innerJoin("monitoring_sources as s", "s.id", "monitoring_items.source_id")
        .select(["s.id", "s.name", "s.outlet_type", "s.country"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .select(
          sql<number>`sum(case when monitoring_items.tone = 'negative' then 1 else 0 end)`.as("negative"),
        )
        .where("monitoring_items.published_day", ">=", from)
        .where("monitoring_items.published_day", "<=", to)
        .where(isOutsideCoverage)
        .groupBy(["s.id", "s.name", "s.outlet_type", "s.country"])
        .orderBy("n", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, n: Number(r.n), negative: Number(r.negative) }));
    },

    async topStories(db: DbOrTrx, from: string, to: string, limit: number) {
      const rows = await db
        .selectFrom("monitoring_items")
        .innerJoin("monitoring_stories as st", "st.id", "monitoring_items.story_id")
        .select(["st.id", "st.title", "st.first_seen_at"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .select((eb) => eb.fn.count<number>("monitoring_items.source_id").distinct().as("outlets"))
        .where("monitoring_items.published_day", ">=", from)
        .where("monitoring_items.published_day", "<=", to)
        .where(isOutsideCoverage)
        .groupBy(["st.id", "st.title", "st.first_seen_at"])
        .orderBy("n", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, n: Number(r.n), outlets: Number(r.outlets) }));
    },

    /** Items of the city's own channels per language, between two days inclusive. */
    async ownChannelByLanguage(db: DbOrTrx, from: string, to: string) {
      const rows = await db
        .selectFrom("monitoring_items")
        .innerJoin("monitoring_sources as s", "s.id", "monitoring_items.source_id")
        .where("s.is_own_channel", "=", 1)
        .where("monitoring_items.published_day", ">=", from)
        .where("monitoring_items.published_day", "<=", to)
        .select("monitoring_items.language")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .groupBy("monitoring_items.language")
        .execute();
      return rows.map((r) => ({ language: r.language, n: Number(r.n) }));
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
