import { z } from "zod";
import { PageQuery } from "../../platform/http/pagination.js";

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
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  diff: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;
