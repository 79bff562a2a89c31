/** Zod schemas of search, saved searches and alerts. */
import { z } from "zod";
import { PageQuery } from "../../../platform/http/pagination.js";

export const SearchQuery = PageQuery.extend({
  /** Query in the monitoring search language (see GET /api/monitoring/search/syntax). */
  q: z.string().max(1000).default(""),
}).strict();

const Channels = z
  .object({
    inApp: z.boolean().default(true),
    emails: z.array(z.email()).max(20).default([]),
    /** Webhook receiving a signed JSON POST (`X-HaiDang-Signature: sha256=<hmac>`). */
    webhook: z
      .object({
        url: z
          .string()
          .url()
          .refine((v) => /^https?:\/\//i.test(v), "must be http(s)"),
        secret: z.string().min(16).max(200),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type AlertChannels = z.infer<typeof Channels>;

export const SavedSearchBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    query: z.string().max(1000),
    alertOnNew: z.boolean().default(false),
    alertOnSpike: z.boolean().default(false),
    /** Last hour ≥ factor × hourly baseline (past 7 days) fires a spike alert. */
    spikeFactor: z.number().min(1.1).max(100).default(3),
    spikeMinCount: z.number().int().min(1).max(100_000).default(5),
    digest: z.enum(["daily", "weekly"]).nullable().default(null),
    channels: Channels.default({ inApp: true, emails: [], webhook: null }),
  })
  .strict();
export type SavedSearchInput = z.infer<typeof SavedSearchBody>;
export const UpdateSavedSearchBody = SavedSearchBody.partial().strict();
