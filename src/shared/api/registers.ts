/**
 * Register entries attached to programme tasks as evidence: request and response shapes shared by
 * the server (validation, OpenAPI) and the web client (types).
 */
import { z } from "zod";

const Id = z.string().min(1).max(64);
/** A register's kind as stored: snake_case. */
export const RecordKind = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const TaskParams = z.object({ taskId: Id });
export const TaskLinkParams = z.object({ taskId: Id, linkId: Id });
export const RecordParams = z.object({ kind: RecordKind, recordId: Id });
export const KindParams = z.object({ kind: RecordKind });

export const LinkRecordBody = z.strictObject({
  kind: RecordKind,
  recordId: Id,
  /** The check-in the entry is attached from (it must be a check-in of this task). */
  checkInId: Id.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type LinkRecordBody = z.infer<typeof LinkRecordBody>;

export const RegisterKindSchema = z.object({ kind: z.string(), label: z.string() });
export const RegisterKindListSchema = z.object({ items: z.array(RegisterKindSchema) });

export const RegisterEntrySchema = z.object({
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  path: z.string(),
});
export const RegisterEntryListSchema = z.object({ items: z.array(RegisterEntrySchema) });
export const EntrySearchQuery = z.object({ q: z.string().trim().max(200).optional() });

/** A task's linked entry, as the task page lists it. `entry` is null when the entry was deleted. */
export const TaskRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  recordId: z.string(),
  checkInId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  title: z.string().nullable(),
  date: z.string().nullable(),
  path: z.string().nullable(),
  /** Whether the caller may remove this link. */
  canUnlink: z.boolean(),
});
export const TaskRecordListSchema = z.object({ items: z.array(TaskRecordSchema), canLink: z.boolean() });

/** A task an entry is linked to, as the entry's page lists it. */
export const RecordTaskSchema = z.object({
  linkId: z.string(),
  taskId: z.string(),
  ref: z.string(),
  text: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string().nullable(),
  checkInId: z.string().nullable(),
  createdAt: z.string(),
  canUnlink: z.boolean(),
});
export const RecordTaskListSchema = z.object({ items: z.array(RecordTaskSchema) });

export type RegisterKindDto = z.infer<typeof RegisterKindSchema>;
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;
export type TaskRecord = z.infer<typeof TaskRecordSchema>;
export type TaskRecordList = z.infer<typeof TaskRecordListSchema>;
export type RecordTask = z.infer<typeof RecordTaskSchema>;
