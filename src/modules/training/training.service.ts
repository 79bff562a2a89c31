/**
 * Training courses (lớp bồi dưỡng kiến thức, kỹ năng thông tin đối ngoại): dates, topics, trainers,
 * participants from the directory with their attendance, and materials kept in the file store.
 */

import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { pageOf, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  CourseListQuery,
  CreateCourseBody,
  MaterialBody,
  ParticipantsBody,
  UpdateCourseBody,
} from "../../shared/api/training.js";
import type { AuditService } from "../audit/audit.service.js";
import { storeUpload, type UploadDeps } from "../follow-up/follow-up.files.js";
import { trainingErrors } from "./training.errors.js";
import { presentCourse, presentCourseSummary } from "./training.presenter.js";
import { foldCourseText, type TrainingRepository } from "./training.repository.js";
import type { TrainingCourseTable } from "./training.tables.js";

export function createTrainingService(deps: {
  db: Db;
  training: TrainingRepository;
  audit: AuditService;
  uploads: UploadDeps;
}) {
  const { db, training, audit } = deps;

  async function detail(trx: DbOrTrx, id: string) {
    const row = await training.find(trx, id);
    if (!row) throw trainingErrors.courseNotFound({ meta: { id } });
    const [participants, materials] = await Promise.all([
      training.participants(trx, id),
      training.materials(trx, id),
    ]);
    return presentCourse(row, participants, materials);
  }

  function dates(start: string, end: string | null | undefined) {
    const last = end ?? start;
    if (last < start) throw trainingErrors.endBeforeStart({ meta: { startDate: start, endDate: last } });
    return { start_date: start, end_date: last };
  }

  return {
    async list(ctx: RequestContext, query: CourseListQuery) {
      assertCan(ctx.actor, "training.read");
      const { limit, offset } = toLimitOffset(query);
      const { rows, total } = await training.page(db, query, limit, offset);
      return pageOf(rows.map(presentCourseSummary), total, query);
    },

    async all(ctx: RequestContext, filter: Pick<CourseListQuery, "q" | "from" | "to">) {
      assertCan(ctx.actor, "training.read");
      return training.all(db, filter);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "training.read");
      return detail(db, id);
    },

    async create(ctx: RequestContext, input: CreateCourseBody) {
      assertCan(ctx.actor, "training.manage");
      const now = nowIso();
      const fields = {
        title: input.title,
        topics: input.topics.join("\n"),
        trainers: input.trainers.join("\n"),
        location: input.location ?? null,
      };
      const row: TrainingCourseTable = {
        id: newId(),
        ...fields,
        ...dates(input.startDate, input.endDate),
        folded_text: foldCourseText(fields),
        created_by: ctx.actor?.userId ?? null,
        created_at: now,
        updated_at: now,
      };
      return db.transaction().execute(async (trx) => {
        await training.insert(trx, row);
        const created = await detail(trx, row.id);
        await audit.record(trx, ctx, {
          entityType: "training_course",
          entityId: row.id,
          action: "create",
          after: created,
        });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateCourseBody) {
      assertCan(ctx.actor, "training.manage");
      return db.transaction().execute(async (trx) => {
        const before = await detail(trx, id);
        const fields = {
          title: input.title ?? before.title,
          topics: (input.topics ?? before.topics).join("\n"),
          trainers: (input.trainers ?? before.trainers).join("\n"),
          location: input.location !== undefined ? input.location : before.location,
        };
        const start = input.startDate ?? before.startDate;
        const end = input.endDate !== undefined ? input.endDate : input.startDate ? null : before.endDate;
        await training.update(trx, id, {
          ...fields,
          ...dates(start, end),
          folded_text: foldCourseText(fields),
          updated_at: nowIso(),
        });
        const after = await detail(trx, id);
        await audit.record(trx, ctx, {
          entityType: "training_course",
          entityId: id,
          action: "update",
          before,
          after,
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "training.manage");
      await db.transaction().execute(async (trx) => {
        const before = await detail(trx, id);
        await training.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "training_course",
          entityId: id,
          action: "delete",
          before,
        });
      });
    },

    /** Replaces the participant list (people of the directory) with their attendance. */
    async setParticipants(ctx: RequestContext, id: string, input: ParticipantsBody) {
      assertCan(ctx.actor, "training.manage");
      const ids = input.participants.map((p) => p.personId);
      if (new Set(ids).size !== ids.length) throw trainingErrors.duplicateParticipant();
      return db.transaction().execute(async (trx) => {
        const before = await detail(trx, id);
        const known = await training.existingPeople(trx, ids);
        const missing = ids.filter((p) => !known.has(p));
        if (missing.length > 0) throw trainingErrors.personNotFound({ meta: { personIds: missing } });
        await training.replaceParticipants(
          trx,
          id,
          input.participants.map((p) => ({
            course_id: id,
            person_id: p.personId,
            attended: p.attended ? 1 : 0,
          })),
        );
        await training.update(trx, id, { updated_at: nowIso() });
        const after = await detail(trx, id);
        await audit.record(trx, ctx, {
          entityType: "training_participants",
          entityId: id,
          action: "update",
          before: { participants: before.participantList },
          after: { participants: after.participantList },
        });
        return after;
      });
    },

    async addMaterial(ctx: RequestContext, id: string, input: z.infer<typeof MaterialBody>) {
      assertCan(ctx.actor, "training.manage");
      return db.transaction().execute(async (trx) => {
        await detail(trx, id);
        const fileId = await storeUpload(trx, deps.uploads, input, ctx.actor?.userId ?? null);
        const row = {
          id: newId(),
          course_id: id,
          file_id: fileId,
          title: input.title ?? input.filename,
          created_by: ctx.actor?.userId ?? null,
          created_at: nowIso(),
        };
        await training.insertMaterial(trx, row);
        await training.update(trx, id, { updated_at: nowIso() });
        await audit.record(trx, ctx, {
          entityType: "training_material",
          entityId: row.id,
          action: "create",
          after: row,
        });
        return detail(trx, id);
      });
    },

    async removeMaterial(ctx: RequestContext, id: string, materialId: string) {
      assertCan(ctx.actor, "training.manage");
      return db.transaction().execute(async (trx) => {
        const material = await training.findMaterial(trx, id, materialId);
        if (!material) throw trainingErrors.materialNotFound();
        await training.deleteMaterial(trx, materialId);
        await audit.record(trx, ctx, {
          entityType: "training_material",
          entityId: materialId,
          action: "delete",
          before: material,
        });
        return detail(trx, id);
      });
    },

    async materialFile(ctx: RequestContext, id: string, materialId: string) {
      assertCan(ctx.actor, "training.read");
      const material = await training.findMaterial(db, id, materialId);
      if (!material) throw trainingErrors.materialNotFound();
      const file = await deps.uploads.storedFiles.findById(db, material.file_id);
      if (!file) throw trainingErrors.materialNotFound();
      return { file, bytes: await deps.uploads.store.read(file.storage_path) };
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
