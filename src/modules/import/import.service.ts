/**
 * The import workflow: upload → draft (parsed, reconciled, compared with an earlier version) →
 * review (edit any field, decide each name) → commit in one transaction, or discard.
 * The source document of every import is kept in the file store.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import { commonErrors } from "../../platform/errors.js";
import { safeFilename } from "../../platform/files/download.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import {
  createProgrammeVersionsRepository,
  type ProgrammeVersionsRepository,
} from "../programmes/programme-versions.repository.js";
import type { ImportDraftTable, ProgrammeTable } from "../programmes/programmes.tables.js";
import { storeImportFile } from "./import.files.js";
import type { ImportRepository } from "./import.repository.js";
import type { DraftListQuery } from "./import.schemas.js";
import { type CommitDeps, commitProgramme } from "./import-commit.js";
import { diffProgrammes, snapshotOfParsed } from "./import-diff.js";
import { draftErrors } from "./import-draft.errors.js";
import {
  assertEffectiveFrom,
  findPreviousVersion,
  previousVersionOf,
  type VersionChoices,
  versionPlanOf,
} from "./import-versions.js";
import { directoryOf, type ParsedSource, parseSource } from "./parse-source.js";
import type { ParsedProgramme, ParseWarning } from "./parsed-programme.schema.js";
import {
  type Decision,
  effectiveDecisions,
  type ReconciliationEntry,
  reconcileParties,
} from "./reconcile.service.js";
import { loadStoredSnapshot } from "./stored-snapshot.js";

export interface ImportServiceDeps extends Omit<CommitDeps, "versions"> {
  versions?: ProgrammeVersionsRepository;
  db: Db;
  files: FileStore;
  storedFiles: StoredFilesRepository;
  imports: ImportRepository;
  uploadLimit: number;
}

/** What an upload carries: file bytes with their name, or pasted text. */
export type UploadInput = { filename: string; bytes: Uint8Array };

const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** The reviewer's choices for a new version, as stored with the draft. */
const choicesOf = (draft: ImportDraftTable): VersionChoices =>
  draft.version_plan_json ? parseJson<VersionChoices>(draft.version_plan_json) : {};

/** Warnings the import adds to the parser's: names for the reviewer, an empty programme, a re-import. */
function importWarnings(parsed: ParsedProgramme, entries: ReconciliationEntry[], existingId: string | null) {
  const out: ParseWarning[] = [];
  for (const e of entries) {
    if (e.status === "near_match") {
      const names = e.candidates.map((c) => `“${c.name}”`).join(", ");
      out.push({
        code: "name_near_match",
        message: `“${e.name}” gần giống ${names} trong danh bạ: cần quyết định liên kết, tạo mới hay giữ nguyên văn / close to ${names} in the directory: decide link, create or keep as text`,
        taskRef: e.occurrences[0]?.taskRef ?? null,
      });
    } else if (e.status === "ambiguous") {
      out.push({
        code: "name_ambiguous",
        message: `“${e.name}” trùng tên với ${e.candidates.length} người trong danh bạ / matches ${e.candidates.length} people`,
        taskRef: e.occurrences[0]?.taskRef ?? null,
      });
    }
  }
  if (parsed.tasks.length === 0 && !parsed.warnings.some((w) => w.code.startsWith("no_tasks"))) {
    out.push({ code: "no_tasks", message: "Không tìm thấy nhiệm vụ nào trong văn bản / no tasks found" });
  }
  if (existingId) {
    out.push({
      code: "already_imported",
      message:
        "Văn bản này đã được nhập trước đây: lưu sẽ tạo phiên bản mới / already imported: committing creates a new version",
    });
  }
  return out;
}

export function createImportService(deps: ImportServiceDeps) {
  const { db, files, storedFiles, imports, programmes, audit } = deps;
  const versions = deps.versions ?? createProgrammeVersionsRepository();
  const commitDeps: CommitDeps = { ...deps, versions };

  async function loadDraft(trx: DbOrTrx, id: string) {
    const draft = await imports.findDraft(trx, id);
    if (!draft) throw draftErrors.notFound();
    return draft;
  }

  async function loadOpenDraft(trx: DbOrTrx, id: string) {
    const draft = await loadDraft(trx, id);
    if (draft.status !== "draft") throw draftErrors.closed({ meta: { status: draft.status } });
    return draft;
  }

  /** Reconciliation, the earlier version and the warnings of a parsed programme, as of now. */
  async function analyse(trx: DbOrTrx, parsed: ParsedProgramme) {
    const reconciliation = reconcileParties(parsed, {
      people: await imports.peopleNames(trx),
      units: await imports.unitNames(trx),
    });
    const existing = await findPreviousVersion(trx, { programmes, versions }, parsed.document);
    const existingId = existing?.id ?? null;
    const warnings = [...parsed.warnings, ...importWarnings(parsed, reconciliation, existingId)];
    return { reconciliation, existing, existingId, warnings };
  }

  /** Refuses links to records that do not exist or are of the other kind. */
  async function assertDecisions(trx: DbOrTrx, decisions: Record<string, Decision>) {
    for (const [key, decision] of Object.entries(decisions)) {
      if (decision.action !== "link") continue;
      const isPerson = key.startsWith("person:");
      const ok = isPerson
        ? await imports.personExists(trx, decision.id)
        : key.startsWith("unit:") && (await imports.unitExists(trx, decision.id));
      if (!ok)
        throw draftErrors.invalidDecision({ details: [{ path: `decisions.${key}`, message: "not found" }] });
    }
  }

  /** Refuses matches to unknown tasks, a previous task matched twice, or a date too early. */
  async function assertChoices(
    trx: DbOrTrx,
    existing: ProgrammeTable,
    parsed: ParsedProgramme,
    choices: VersionChoices,
  ) {
    const known = new Set((await programmes.allTasks(trx, existing.id)).map((t) => t.id));
    const chosen = Object.values(choices.matches ?? {}).filter((id): id is string => id !== null);
    const unknown = chosen.find((id) => !known.has(id));
    if (unknown || new Set(chosen).size !== chosen.length) {
      throw draftErrors.invalidMatch({
        details: [{ path: "version.matches", message: unknown ?? "duplicate" }],
      });
    }
    const plan = await versionPlanOf(trx, { programmes, versions }, { previous: existing, parsed, choices });
    assertEffectiveFrom(plan);
  }

  const storeFile = (trx: DbOrTrx, ctx: RequestContext, bytes: Uint8Array, filename: string) =>
    storeImportFile({ files, storedFiles, audit }, trx, ctx, bytes, filename);

  /** The draft with everything the review screen needs, including the diff against the stored version. */
  async function view(trx: DbOrTrx, draft: ImportDraftTable) {
    const parsed = parseJson<ParsedProgramme>(draft.parsed_json);
    const reconciliation = parseJson<ReconciliationEntry[]>(draft.reconciliation_json);
    const decisions = effectiveDecisions(
      reconciliation,
      parseJson<Record<string, Decision>>(draft.decisions_json),
    );
    const compareWith = draft.status === "draft" ? draft.existing_programme_id : null;
    const stored = compareWith ? await loadStoredSnapshot(trx, programmes, compareWith) : null;
    const diff = stored ? diffProgrammes(stored, snapshotOfParsed(parsed)) : null;
    const previous = compareWith ? await programmes.findProgramme(trx, compareWith) : undefined;
    const version = previous
      ? await versionPlanOf(trx, { programmes, versions }, { previous, parsed, choices: choicesOf(draft) })
      : null;
    return {
      draft,
      parsed,
      reconciliation,
      decisions,
      warnings: parseJson<ParseWarning[]>(draft.warnings_json),
      diff,
      version,
    };
  }

  /** The directory's people and units, for telling a person named without a title from a unit. */
  async function partyDirectory(trx: DbOrTrx) {
    return directoryOf(await imports.peopleNames(trx), await imports.unitNames(trx));
  }

  async function createDraft(ctx: RequestContext, input: UploadInput) {
    if (input.bytes.byteLength > deps.uploadLimit) throw commonErrors.payloadTooLarge();
    const filename = safeFilename(input.filename);
    // Parse first: a file that cannot be read leaves nothing behind.
    const source = await parseSource({
      bytes: input.bytes,
      filename,
      maxBytes: deps.uploadLimit,
      directory: await partyDirectory(db),
    });
    return draftFromSource(ctx, { bytes: input.bytes, filename }, source);
  }

  /** Stores a parsed source as a draft (the file kept); refuses a source without tasks. */
  async function draftFromSource(ctx: RequestContext, input: UploadInput, source: ParsedSource) {
    const filename = safeFilename(input.filename);
    // A document without tasks cannot become a programme: say so, and keep nothing of it.
    if (source.parsed.tasks.length === 0) {
      throw draftErrors.noTasks({
        details: source.parsed.warnings.map((w) => ({
          path: w.line ? `line ${w.line}` : "document",
          message: `${w.code}: ${w.message}`,
        })),
      });
    }
    return db.transaction().execute(async (trx) => {
      const file = await storeFile(trx, ctx, input.bytes, filename);
      const { reconciliation, existingId, warnings } = await analyse(trx, source.parsed);
      const now = nowIso();
      const row: ImportDraftTable = {
        id: newId(),
        status: "draft",
        filename,
        source_type: source.sourceType,
        file_id: file.id,
        extracted_text: source.extractedText,
        parsed_json: JSON.stringify(source.parsed),
        reconciliation_json: JSON.stringify(reconciliation),
        decisions_json: "{}",
        warnings_json: JSON.stringify(warnings),
        existing_programme_id: existingId,
        version_plan_json: null,
        committed_programme_id: null,
        created_by: ctx.actor?.userId ?? null,
        created_at: now,
        updated_at: now,
      };
      await imports.insertDraft(trx, row);
      await audit.record(trx, ctx, {
        entityType: "import_draft",
        entityId: row.id,
        action: "create",
        after: { filename, sourceType: row.source_type, fileId: file.id, tasks: source.parsed.tasks.length },
      });
      return view(trx, row);
    });
  }

  async function commitDraft(ctx: RequestContext, id: string) {
    return db.transaction().execute(async (trx) => {
      await imports.lockDraft(trx, id);
      const draft = await loadOpenDraft(trx, id);
      const parsed = parseJson<ParsedProgramme>(draft.parsed_json);
      if (parsed.tasks.length === 0) throw draftErrors.noTasks();
      // Names may have been added to the directory since the draft was made: reconcile again.
      const { reconciliation, existing } = await analyse(trx, parsed);
      const decisions = effectiveDecisions(
        reconciliation,
        parseJson<Record<string, Decision>>(draft.decisions_json),
      );
      await assertDecisions(trx, decisions);
      let previous = null;
      if (existing) {
        const plan = await versionPlanOf(
          trx,
          { programmes, versions },
          { previous: existing, parsed, choices: choicesOf(draft) },
        );
        assertEffectiveFrom(plan);
        previous = previousVersionOf(existing, plan);
      }
      const result = await commitProgramme(trx, ctx, commitDeps, {
        parsed,
        decisions,
        fileId: draft.file_id,
        previous,
      });
      await imports.updateDraft(trx, id, {
        status: "committed",
        committed_programme_id: result.programme.id,
        updated_at: nowIso(),
      });
      await audit.record(trx, ctx, {
        entityType: "import_draft",
        entityId: id,
        action: "commit",
        before: { status: "draft" },
        after: { status: "committed", programmeId: result.programme.id, version: result.programme.version },
      });
      const keptAsText = reconciliation.filter(
        (e) => e.kind !== "group" && decisions[e.key]?.action === "keep_text",
      );
      return { ...result, draftId: id, keptAsText };
    });
  }

  return {
    /** Parses an upload and stores a draft for review (the file is kept). */
    async create(ctx: RequestContext, input: UploadInput) {
      assertCan(ctx.actor, "programme.import");
      return createDraft(ctx, input);
    },

    /**
     * Stores a source parsed elsewhere (an OCR run) as a draft. For trusted callers only: the OCR service
     * checked `programme.import` when the run was started.
     */
    draftFromSource,

    /** The directory as the parser asks for it (OCR runs parse outside a request). */
    partyDirectory: () => partyDirectory(db),

    /** Drafts (waiting for review by default), newest first: an upload is never lost from sight. */
    async list(ctx: RequestContext, query: DraftListQuery) {
      assertCan(ctx.actor, "programme.import");
      const { rows, total } = await imports.listDrafts(db, query.status, toLimitOffset(query));
      return {
        total,
        rows: rows.map((r) => {
          const parsed = parseJson<Partial<ParsedProgramme>>(r.parsed_json);
          return {
            ...r,
            documentNumber: parsed.document?.number ?? null,
            documentTitle: parsed.document?.title ?? null,
            taskCount: parsed.tasks?.length ?? 0,
            warningCount: parseJson<unknown[]>(r.warnings_json).length,
          };
        }),
      };
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.import");
      return view(db, await loadDraft(db, id));
    },

    /** Saves the reviewer's corrections and decisions; reconciliation and the earlier version are recomputed. */
    async update(
      ctx: RequestContext,
      id: string,
      input: {
        parsed?: ParsedProgramme | undefined;
        decisions?: Record<string, Decision> | undefined;
        /** For a new version: the date it applies from and the reviewer's task matches. */
        version?: VersionChoices | undefined;
      },
    ) {
      assertCan(ctx.actor, "programme.import");
      return db.transaction().execute(async (trx) => {
        const before = await loadOpenDraft(trx, id);
        const parsed = input.parsed ?? parseJson<ParsedProgramme>(before.parsed_json);
        const decisions = input.decisions ?? parseJson<Record<string, Decision>>(before.decisions_json);
        await assertDecisions(trx, decisions);
        const { reconciliation, existing, existingId, warnings } = await analyse(trx, parsed);
        const choices = { ...choicesOf(before), ...input.version };
        if (existing && input.version) await assertChoices(trx, existing, parsed, choices);
        const kept = Object.fromEntries(
          Object.entries(decisions).filter(([key]) => reconciliation.some((e) => e.key === key)),
        );
        const patch = {
          parsed_json: JSON.stringify(parsed),
          decisions_json: JSON.stringify(kept),
          reconciliation_json: JSON.stringify(reconciliation),
          warnings_json: JSON.stringify(warnings),
          existing_programme_id: existingId,
          version_plan_json: JSON.stringify(choices),
          updated_at: nowIso(),
        };
        await imports.updateDraft(trx, id, patch);
        await audit.record(trx, ctx, {
          entityType: "import_draft",
          entityId: id,
          action: "update",
          before: { parsed: parseJson(before.parsed_json), decisions: parseJson(before.decisions_json) },
          after: { parsed, decisions: kept, version: choices },
        });
        return view(trx, { ...before, ...patch });
      });
    },

    /** Creates the programme (or its next version) from the draft, in one transaction. */
    async commit(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.import");
      return commitDraft(ctx, id);
    },

    async discard(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.import");
      await db.transaction().execute(async (trx) => {
        await loadOpenDraft(trx, id);
        await imports.updateDraft(trx, id, { status: "discarded", updated_at: nowIso() });
        await audit.record(trx, ctx, {
          entityType: "import_draft",
          entityId: id,
          action: "discard",
          before: { status: "draft" },
          after: { status: "discarded" },
        });
      });
    },

    /** The kept source document of a draft. */
    async source(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "programme.import");
      const draft = await loadDraft(db, id);
      const file = await storedFiles.findById(db, draft.file_id);
      if (!file) throw draftErrors.notFound();
      // The bytes may be shared with another upload; the name is this draft's own.
      return { file: { ...file, original_name: draft.filename }, bytes: await files.read(file.storage_path) };
    },

    /**
     * Parses and commits without review (CLI, demo data): exact names link, unknown names are created,
     * near matches stay text — returned so the caller can say so.
     */
    async importUnreviewed(ctx: RequestContext, input: UploadInput) {
      assertCan(ctx.actor, "programme.import");
      const draft = await createDraft(ctx, input);
      const result = await commitDraft(ctx, draft.draft.id);
      return { ...result, warnings: draft.warnings };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
export type DraftView = Awaited<ReturnType<ImportService["get"]>>;
