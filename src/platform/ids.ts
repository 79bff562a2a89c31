import { randomUUID } from "node:crypto";

/** New opaque id for any row. */
export const newId = (): string => randomUUID();

/** Current instant as ISO-8601 UTC text (the storage format of every timestamp). */
export const nowIso = (): string => new Date().toISOString();
