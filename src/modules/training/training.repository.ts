/** All SQL of training courses: courses, participants from the directory, materials. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type {
  TrainingCourseTable,
  TrainingMaterialTable,
  TrainingParticipantTable,
} from "./training.tables.js";

export interface CourseFilter {
  q?: string | undefined;
  /** Courses that overlap [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
}

export type CourseRow = TrainingCourseTable & {
  participant_count: number | string | null;
  attended_count: number | string | null;
};

/** Title, topics, trainers and place, folded: the text `q` searches. */
export const foldCourseText = (c: {
  title: string;
  topics: string;
  trainers: string;
  location: string | null;
}) => foldVietnamese([c.title, c.topics, c.trainers, c.location ?? ""].join(" "));

function listQuery(db: DbOrTrx, filter: CourseFilter) {
  let q = db
    .selectFrom("training_courses as c")
    .selectAll("c")
    .select((eb) => [
      eb
        .selectFrom("training_participants as p")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("p.course_id", "=", "c.id")
        .as("participant_count"),
      eb
        .selectFrom("training_participants as p")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("p.course_id", "=", "c.id")
        .where("p.attended", "=", 1)
        .as("attended_count"),
    ]);
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`c.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.from) q = q.where("c.end_date", ">=", filter.from);
  if (filter.to) q = q.where("c.start_date", "<=", filter.to);
  return q;
}

export function createTrainingRepository() {
  return {
    async insert(db: DbOrTrx, row: TrainingCourseTable) {
      await db.insertInto("training_courses").values(row).execute();
    },
    async update(db: DbOrTrx, id: string, changes: Partial<TrainingCourseTable>) {
      await db.updateTable("training_courses").set(changes).where("id", "=", id).execute();
    },
    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("training_courses").where("id", "=", id).execute();
    },
    async find(db: DbOrTrx, id: string): Promise<CourseRow | undefined> {
      return (await listQuery(db, {}).where("c.id", "=", id).executeTakeFirst()) as CourseRow | undefined;
    },
    async page(db: DbOrTrx, filter: CourseFilter, limit: number, offset: number) {
      const rows = await listQuery(db, filter)
        .orderBy("c.start_date", "desc")
        .orderBy("c.title")
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await listQuery(db, filter)
        .clearSelect()
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return { rows: rows as CourseRow[], total: Number(total.n) };
    },
    async all(db: DbOrTrx, filter: CourseFilter): Promise<CourseRow[]> {
      return (await listQuery(db, filter)
        .orderBy("c.start_date")
        .orderBy("c.title")
        .execute()) as CourseRow[];
    },
    async byIds(db: DbOrTrx, ids: readonly string[]): Promise<CourseRow[]> {
      if (ids.length === 0) return [];
      return (await listQuery(db, {})
        .where("c.id", "in", [...ids])
        .execute()) as CourseRow[];
    },

    participants(db: DbOrTrx, courseId: string) {
      return db
        .selectFrom("training_participants as tp")
        .innerJoin("people as pe", "pe.id", "tp.person_id")
        .leftJoin("units as u", "u.id", "pe.unit_id")
        .select(["tp.person_id", "tp.attended", "pe.full_name", "pe.position", "u.name as unit_name"])
        .where("tp.course_id", "=", courseId)
        .orderBy("pe.folded_name")
        .execute();
    },
    async replaceParticipants(db: DbOrTrx, courseId: string, rows: TrainingParticipantTable[]) {
      await db.deleteFrom("training_participants").where("course_id", "=", courseId).execute();
      if (rows.length > 0) await db.insertInto("training_participants").values(rows).execute();
    },
    async existingPeople(db: DbOrTrx, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom("people")
        .select("id")
        .where("id", "in", [...ids])
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    materials(db: DbOrTrx, courseId: string) {
      return db
        .selectFrom("training_materials as m")
        .innerJoin("stored_files as f", "f.id", "m.file_id")
        .select(["m.id", "m.title", "m.file_id", "f.original_name", "f.size"])
        .where("m.course_id", "=", courseId)
        .orderBy("m.created_at")
        .execute();
    },
    async insertMaterial(db: DbOrTrx, row: TrainingMaterialTable) {
      await db.insertInto("training_materials").values(row).execute();
    },
    async findMaterial(
      db: DbOrTrx,
      courseId: string,
      id: string,
    ): Promise<TrainingMaterialTable | undefined> {
      return db
        .selectFrom("training_materials")
        .selectAll()
        .where("id", "=", id)
        .where("course_id", "=", courseId)
        .executeTakeFirst();
    },
    async deleteMaterial(db: DbOrTrx, id: string) {
      await db.deleteFrom("training_materials").where("id", "=", id).execute();
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;
