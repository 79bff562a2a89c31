/** All SQL of the editable analysis dictionaries (aliases, topics, tone lexicon, false-info watch-lists). */
import type { DbOrTrx } from "../../../platform/db/database.js";

export const DICTIONARY_KINDS = ["aliases", "topics", "tone", "false_info"] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

export function createDictionariesRepository() {
  return {
    all(db: DbOrTrx) {
      return db.selectFrom("monitoring_dictionaries").selectAll().execute();
    },
    find(db: DbOrTrx, kind: DictionaryKind) {
      return db.selectFrom("monitoring_dictionaries").selectAll().where("kind", "=", kind).executeTakeFirst();
    },
    /** Sum of versions: changes whenever any dictionary changes (cache key). */
    async versionSum(db: DbOrTrx): Promise<number> {
      const r = await db
        .selectFrom("monitoring_dictionaries")
        .select((eb) => eb.fn.sum<number>("version").as("v"))
        .executeTakeFirst();
      return Number(r?.v ?? 0);
    },
    update(db: DbOrTrx, kind: DictionaryKind, dataJson: string, at: string, by: string | null) {
      return db
        .updateTable("monitoring_dictionaries")
        .set((eb) => ({
          data_json: dataJson,
          version: eb("version", "+", 1),
          updated_at: at,
          updated_by: by,
        }))
        .where("kind", "=", kind)
        .execute();
    },
  };
}

export type DictionariesRepository = ReturnType<typeof createDictionariesRepository>;
