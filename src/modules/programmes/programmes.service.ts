/** Reading programmes: list, document with versions, tasks (filtered), matrix, timeline, citations, source. */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { toLimitOffset } from "../../platform/http/pagination.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { CitationsRepository } from "./citations.repository.js";
import { buildMatrix } from "./programme-matrix.js";
import { buildTimeline } from "./programme-timeline.js";
import {
  createProgrammeVersionsRepository,
  type ProgrammeVersionsRepository,
} from "./programme-versions.repository.js";
import { programmeErrors } from "./programmes.errors.js";
import type { ProgrammesRepository, TaskFilter } from "./programmes.repository.js";
import type { CitationQuery, ProgrammeQuery, TaskQuery } from "./programmes.schemas.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createProgrammesService(deps: {
  db: Db;
  programmes: ProgrammesRepository;
  citations: CitationsRepository;
  files: FileStore;
  storedFiles: StoredFilesRepository;
  versions?: ProgrammeVersionsRepository;
}) {
  const { db, programmes, citations } = deps;
  const versionsRepo = deps.versions ?? createProgrammeVersionsRepository();

  async function load(id: string) {
    const p = await programmes.findProgramme(db, id);
    if (!p) throw programmeErrors.programmeNotFound();
    return p;
  }

  return {
    async list(ctx: RequestContext, query: ProgrammeQuery) {
      assertCan(ctx.actor, "programme.read");
      const status = query.status === "all" ? undefined : query.status;
      return programmes.listProgrammes(db, { status, q: query.q }, toLimitOffset(query));
    },

    /** The document with its sections, task counts and every version of it. */
    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.read");
      const programme = await load(id);
      const versions = programme.identity_key
        ? await programmes.versions(db, programme.identity_key)
        : [
            {
              id,
              version: programme.version,
              status: programme.status,
              created_at: programme.created_at,
              source_file_id: programme.source_file_id,
            },
          ];
      // An amended copy (re-dated) has its own identity: add the versions linked by supersession.
      const linked = await versionsRepo.linkedVersions(db, id);
      for (const v of linked) if (!versions.some((w) => w.id === v.id)) versions.push(v);
      versions.sort((a, b) => a.version - b.version);
      return {
        programme,
        sections: await programmes.sections(db, id),
        counts: await programmes.taskCounts(db, id),
        versions,
        /** Tasks earlier versions had and this one dropped (their follow-up stays with them). */
        removedTasks: await versionsRepo.removedTasks(db, id),
      };
    },

    async tasks(ctx: RequestContext, id: string, query: TaskQuery) {
      assertCan(ctx.actor, "programme.read");
      await load(id);
      const filter: TaskFilter = {
        section: query.section,
        timeframeKind: query.timeframeKind,
        q: query.q,
        partyId: query.party,
        role: query.role,
        // A directing filter is an id when it looks like one, otherwise a name.
        ...(query.directing && UUID.test(query.directing)
          ? { directingPersonId: query.directing }
          : { directingName: query.directing }),
      };
      const { rows, total } = await programmes.listTasks(db, id, filter, toLimitOffset(query));
      const parties = await programmes.partiesOf(
        db,
        rows.map((t) => t.id),
      );
      return { rows, parties, total };
    },

    /** One task with its parties and the documents it cites. */
    async task(ctx: RequestContext, taskId: string) {
      assertCan(ctx.actor, "programme.read");
      const task = await programmes.findTask(db, taskId);
      if (!task) throw programmeErrors.taskNotFound();
      const programme = await load(task.programme_id);
      return {
        task,
        programme,
        parties: await programmes.partiesOf(db, [task.id]),
        citations: await citations.citationsOfTask(db, task.id),
      };
    },

    async matrix(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.read");
      await load(id);
      const tasks = await programmes.allTasks(db, id);
      const parties = await programmes.partiesOf(
        db,
        tasks.map((t) => t.id),
      );
      return buildMatrix(tasks, parties);
    },

    async timeline(ctx: RequestContext, id: string, year: number | undefined) {
      assertCan(ctx.actor, "programme.read");
      const programme = await load(id);
      const fallbackYear = (programme.period_start ?? programme.issued_on ?? programme.created_at).slice(
        0,
        4,
      );
      return buildTimeline(await programmes.allTasks(db, id), year ?? Number(fallbackYear));
    },

    /** The registry of cited documents, each with the programmes and tasks citing it. */
    async citations(ctx: RequestContext, query: CitationQuery) {
      assertCan(ctx.actor, "programme.read");
      const { rows, total } = await citations.list(
        db,
        { q: query.q, number: query.number, kind: query.kind },
        toLimitOffset(query),
      );
      const links = await citations.linksOf(
        db,
        rows.map((c) => c.id),
      );
      return { rows, links, total };
    },

    /** The kept source document of a programme. */
    async source(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.read");
      const programme = await load(id);
      const file = programme.source_file_id
        ? await deps.storedFiles.findById(db, programme.source_file_id)
        : undefined;
      if (!file) throw programmeErrors.fileNotFound();
      // The bytes may be shared with another upload; the name is this programme's own upload's.
      const name = await programmes.sourceFilename(db, id);
      return {
        file: name ? { ...file, original_name: name } : file,
        bytes: await deps.files.read(file.storage_path),
      };
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
