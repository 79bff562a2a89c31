/**
 * Request and response shapes of the audit journal API: one source for the server's validation, its
 * OpenAPI document and the web client's types (`z.infer`).
 */
import { z } from "zod";
import { PageQuery } from "./pagination.js";

const DateOrTime = z.union([z.iso.date(), z.iso.datetime()]);

export const AuditFilterQuery = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: DateOrTime.optional(),
  to: DateOrTime.optional(),
});

export const AuditQuery = PageQuery.extend(AuditFilterQuery.shape);
export const AuditExportQuery = AuditFilterQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

export const AuditEntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  /** The kind of record in words: { vi: "Báo cáo tiến độ", en: "Check-in" }. */
  entityTypeLabel: z.object({ vi: z.string(), en: z.string() }),
  entityId: z.string(),
  /** The changed record's name ("Nhiệm vụ II.7: …"), null when it no longer exists or has none. */
  entityName: z.string().nullable(),
  /** The web app's page for the record, e.g. `/tasks/…`. */
  entityLink: z.string().nullable(),
  action: z.string(),
  /** The action in words: { vi: "Xác nhận", en: "Confirmed" }. */
  actionLabel: z.object({ vi: z.string(), en: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  diff: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;
