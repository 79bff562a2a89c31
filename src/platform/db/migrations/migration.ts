import type { Kysely } from "kysely";
import type { DialectName } from "../database.js";

/** A hand-written migration: portable schema builder calls, dialect-specific SQL where needed. */
export interface AppMigration {
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}
