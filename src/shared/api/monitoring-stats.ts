/**
 * Media-monitoring statistics: coverage over time by dimension, the figures reports quote, top outlets
 * and stories. Request and response shapes shared by the server and the web client.
 */
import { z } from "zod";
import { OUTLET_TYPES } from "./monitoring.js";

const Range = z.object({ from: z.iso.date(), to: z.iso.date() });
export const GRANULARITIES = ["day", "week", "month"] as const;
export const DIMENSIONS = ["language", "country", "outletType", "tone", "topic"] as const;
export const CoverageQuery = Range.extend({
  granularity: z.enum(GRANULARITIES).default("day"),
  dimension: z.enum(DIMENSIONS).default("language"),
}).strict();
export const RangeQuery = Range.strict();
export const TopQuery = Range.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) }).strict();

// ——— Responses ———

/** Item counts per period for one dimension. */
export const CoverageSchema = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(GRANULARITIES),
  dimension: z.enum(DIMENSIONS),
  rows: z.array(z.object({ period: z.string(), key: z.string(), count: z.number() })),
});

const Counts = z.record(z.string(), z.number());

/** The figures a semi-annual or annual report quotes about media coverage. */
export const CoverageFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byLanguage: Counts,
  byCountry: Counts,
  byOutletType: Counts,
  byTone: Counts,
  byTopic: Counts,
  foreignLanguage: z.number(),
  foreignPress: z.number(),
  /** Items of the city's own channels (kênh của thành phố), counted apart from all the figures above. */
  ownChannel: z.object({ total: z.number(), byLanguage: Counts }),
});

/** The outlets and stories with the most items in a range. */
export const TopSchema = z.object({
  outlets: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      outlet_type: z.enum(OUTLET_TYPES),
      country: z.string(),
      n: z.number(),
      negative: z.number(),
    }),
  ),
  stories: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      first_seen_at: z.string(),
      n: z.number(),
      outlets: z.number(),
    }),
  ),
});
