/** All SQL of coverage statistics: counts per local day and dimension, top outlets, top stories. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";

export interface DayCount {
  day: string;
  language: string;
  country: string;
  outlet_type: string;
  tone: string;
  topic: string | null;
  n: number;
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
        .groupBy(["published_day", "language", "country", "outlet_type", "tone"])
        .execute();
      return rows.map((r) => ({ ...r, topic: null, n: Number(r.n) }));
    },

    /** Items per local day × topic (an item with two topics counts in each). */
    async byDayTopic(db: DbOrTrx, from: string, to: string) {
      const rows = await db
        .selectFrom("monitoring_items as i")
        .innerJoin("monitoring_item_topics as t", "t.item_id", "i.id")
        .select(["i.published_day as day", "t.topic"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("i.published_day", ">=", from)
        .where("i.published_day", "<=", to)
        .groupBy(["i.published_day", "t.topic"])
        .execute();
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },

    async topOutlets(db: DbOrTrx, from: string, to: string, limit: number) {
      const rows = await db
        .selectFrom("monitoring_items as i")
        .innerJoin("monitoring_sources as s", "s.id", "i.source_id")
        .select(["s.id", "s.name", "s.outlet_type", "s.country"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .select(sql<number>`sum(case when i.tone = 'negative' then 1 else 0 end)`.as("negative"))
        .where("i.published_day", ">=", from)
        .where("i.published_day", "<=", to)
        .groupBy(["s.id", "s.name", "s.outlet_type", "s.country"])
        .orderBy("n", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, n: Number(r.n), negative: Number(r.negative) }));
    },

    async topStories(db: DbOrTrx, from: string, to: string, limit: number) {
      const rows = await db
        .selectFrom("monitoring_items as i")
        .innerJoin("monitoring_stories as st", "st.id", "i.story_id")
        .select(["st.id", "st.title", "st.first_seen_at"])
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .select((eb) => eb.fn.count<number>("i.source_id").distinct().as("outlets"))
        .where("i.published_day", ">=", from)
        .where("i.published_day", "<=", to)
        .groupBy(["st.id", "st.title", "st.first_seen_at"])
        .orderBy("n", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, n: Number(r.n), outlets: Number(r.outlets) }));
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
