/** All SQL of the visual installations register. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { InstallationPhotoTable, InstallationTable } from "./installations.tables.js";

export type InstallationRow = InstallationTable & { unit_name: string | null; photo_count: number };

export interface InstallationFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  district?: string | undefined;
  /** Installed (or, not yet installed, entered) within [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
}

export const INSTALLATION_SORTS = {
  title: "i.title",
  district: "i.district",
  status: "i.status",
  updatedAt: "i.updated_at",
} as const;
export type InstallationSort = keyof typeof INSTALLATION_SORTS;

export const foldInstallationText = (title: string, address: string, themes: readonly string[]) =>
  foldVietnamese(`${title} ${address} ${themes.join(" ")}`);

const dayOf = sql<string>`coalesce(i.installed_on, substr(i.created_at, 1, 10))`;

function filtered(db: DbOrTrx, filter: InstallationFilter) {
  let q = db.selectFrom("installations as i");
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`i.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.kind) q = q.where("i.kind", "=", filter.kind);
  if (filter.status) q = q.where("i.status", "=", filter.status);
  if (filter.district) q = q.where("i.district", "=", filter.district);
  if (filter.from) q = q.where(dayOf, ">=", filter.from);
  if (filter.to) q = q.where(dayOf, "<=", filter.to);
  return q;
}

const withExtras = (db: DbOrTrx, filter: InstallationFilter) =>
  filtered(db, filter)
    .leftJoin("units as u", "u.id", "i.unit_id")
    .selectAll("i")
    .select("u.name as unit_name")
    .select((eb) =>
      eb
        .selectFrom("installation_photos as p")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("p.installation_id", "=", "i.id")
        .as("photo_count"),
    );

export function createInstallationsRepository() {
  return {
    async insert(db: DbOrTrx, row: InstallationTable) {
      await db.insertInto("installations").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, changes: Partial<InstallationTable>) {
      await db.updateTable("installations").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("installation_photos").where("installation_id", "=", id).execute();
      await db
        .deleteFrom("task_record_links")
        .where("record_kind", "=", "installation")
        .where("record_id", "=", id)
        .execute();
      await db.deleteFrom("installations").where("id", "=", id).execute();
    },

    async find(db: DbOrTrx, id: string): Promise<InstallationRow | undefined> {
      const row = await withExtras(db, {}).where("i.id", "=", id).executeTakeFirst();
      return row && { ...row, photo_count: Number(row.photo_count ?? 0) };
    },

    async findMany(db: DbOrTrx, ids: readonly string[]): Promise<InstallationRow[]> {
      if (ids.length === 0) return [];
      const rows = await withExtras(db, {})
        .where("i.id", "in", [...ids])
        .execute();
      return rows.map((r) => ({ ...r, photo_count: Number(r.photo_count ?? 0) }));
    },

    async list(
      db: DbOrTrx,
      filter: InstallationFilter,
      page: { limit: number; offset: number; sort: InstallationSort; direction: "asc" | "desc" },
    ): Promise<{ rows: InstallationRow[]; total: number }> {
      const [rows, count] = await Promise.all([
        withExtras(db, filter)
          .orderBy(INSTALLATION_SORTS[page.sort], page.direction)
          .orderBy("i.id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        filtered(db, filter).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
      ]);
      return {
        rows: rows.map((r) => ({ ...r, photo_count: Number(r.photo_count ?? 0) })),
        total: Number(count.n),
      };
    },

    async all(db: DbOrTrx, filter: InstallationFilter): Promise<InstallationRow[]> {
      const rows = await withExtras(db, filter).orderBy("i.district").orderBy("i.title").execute();
      return rows.map((r) => ({ ...r, photo_count: Number(r.photo_count ?? 0) }));
    },

    unitNames: (db: DbOrTrx) => db.selectFrom("units").select(["id", "name"]).execute(),

    unitExists: async (db: DbOrTrx, unitId: string) =>
      Boolean(await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst()),

    // --- photos ---------------------------------------------------------------------------------

    async insertPhoto(db: DbOrTrx, row: InstallationPhotoTable) {
      await db.insertInto("installation_photos").values(row).execute();
    },

    async deletePhoto(db: DbOrTrx, id: string) {
      await db.deleteFrom("installation_photos").where("id", "=", id).execute();
    },

    photos(db: DbOrTrx, installationId: string): Promise<InstallationPhotoTable[]> {
      return db
        .selectFrom("installation_photos")
        .selectAll()
        .where("installation_id", "=", installationId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },

    photo(db: DbOrTrx, installationId: string, photoId: string): Promise<InstallationPhotoTable | undefined> {
      return db
        .selectFrom("installation_photos")
        .selectAll()
        .where("installation_id", "=", installationId)
        .where("id", "=", photoId)
        .executeTakeFirst();
    },

    storedFile(db: DbOrTrx, fileId: string) {
      return db.selectFrom("stored_files").selectAll().where("id", "=", fileId).executeTakeFirst();
    },
  };
}

export type InstallationsRepository = ReturnType<typeof createInstallationsRepository>;
