/** The visual installations register (pano, màn hình LED, bảng tin): rules, permissions, photos, audit. */
import type { RequestContext } from "../../platform/context.js";
import type { Db, DbOrTrx } from "../../platform/db/database.js";
import type { FileStore } from "../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../platform/files/stored-files.repository.js";
import { parseSort, toLimitOffset } from "../../platform/http/pagination.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertNoProblems, readSheetRows } from "../../platform/import-rows/import-rows.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  CreateInstallationBody,
  InstallationListQuery,
  UpdateInstallationBody,
} from "../../shared/api/installations.js";
import { DISTRICT_CODES } from "../../shared/api/installations.js";
import type { AuditService } from "../audit/audit.service.js";
import { rowsWithUnits } from "../registers/register-import.js";
import { mayEditEntry } from "../registers/register-rights.js";
import { registerErrors } from "../registers/registers.errors.js";
import { installationErrors } from "./installations.errors.js";
import { ImportedInstallation, INSTALLATION_IMPORT_COLUMNS } from "./installations.import.js";
import { makePhotoVariants } from "./installations.photos.js";
import { presentInstallation, presentPhoto } from "./installations.presenter.js";
import {
  foldInstallationText,
  type InstallationFilter,
  type InstallationRow,
  type InstallationSort,
  type InstallationsRepository,
} from "./installations.repository.js";
import type { InstallationTable } from "./installations.tables.js";

/** The register's kind in task links (`task_record_links.record_kind`). */
const INSTALLATION_KIND = "installation";
const MAX_SIZE_M = 500;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function assertPlace(input: {
  district?: string | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  widthM?: number | null | undefined;
  heightM?: number | null | undefined;
}) {
  if (input.district !== undefined && !DISTRICT_CODES.includes(input.district))
    throw installationErrors.districtInvalid({ meta: { district: input.district } });
  const lat = input.latitude ?? null;
  const lon = input.longitude ?? null;
  if ((lat === null) !== (lon === null)) throw installationErrors.coordinatesInvalid();
  if (lat !== null && (!Number.isFinite(lat) || lat < -90 || lat > 90))
    throw installationErrors.coordinatesInvalid();
  if (lon !== null && (!Number.isFinite(lon) || lon < -180 || lon > 180))
    throw installationErrors.coordinatesInvalid();
  for (const size of [input.widthM, input.heightM]) {
    if (size !== null && size !== undefined && (!Number.isFinite(size) || size <= 0 || size > MAX_SIZE_M))
      throw installationErrors.sizeInvalid();
  }
}

export function createInstallationsService(deps: {
  db: Db;
  installations: InstallationsRepository;
  audit: AuditService;
  files: { store: FileStore; storedFiles: StoredFilesRepository; uploadLimit: number };
}) {
  const { db, installations, audit } = deps;

  async function mustFind(trx: DbOrTrx, id: string): Promise<InstallationRow> {
    const row = await installations.find(trx, id);
    if (!row) throw installationErrors.notFound({ meta: { id } });
    return row;
  }

  /** The secretariat edits all; a task's leads edit the installations attached to the tasks they lead. */
  const canEdit = (ctx: RequestContext, id: string) =>
    mayEditEntry(db, ctx.actor, "installations.edit", { kind: INSTALLATION_KIND, id });

  /** The entry, when the caller may edit it: 404 when absent, 403 `register_entry_not_lead` when not theirs. */
  async function mustEdit(ctx: RequestContext, id: string): Promise<InstallationRow> {
    assertCan(ctx.actor, "installations.edit");
    const row = await mustFind(db, id);
    if (!(await canEdit(ctx, id))) throw registerErrors.notEntryLead({ meta: { id } });
    return row;
  }

  async function assertUnit(unitId: string | null | undefined) {
    if (unitId && !(await installations.unitExists(db, unitId))) throw installationErrors.unitNotFound();
  }

  /** Stores one variant (once per content) and returns its `stored_files` id. */
  async function storeVariant(trx: DbOrTrx, bytes: Buffer, name: string, userId: string) {
    const put = await deps.files.store.put(bytes);
    const existing = await deps.files.storedFiles.findBySha256(trx, put.sha256);
    if (existing) return existing.id;
    const id = newId();
    await deps.files.storedFiles.insert(trx, {
      id,
      sha256: put.sha256,
      size: put.size,
      media_type: "image/jpeg",
      original_name: name,
      storage_path: put.storagePath,
      created_at: nowIso(),
      created_by: userId,
    });
    return id;
  }

  function newRow(ctx: RequestContext, input: CreateInstallationBody): InstallationTable {
    assertPlace(input);
    const now = nowIso();
    return {
      id: newId(),
      title: input.title,
      folded_text: foldInstallationText(input.title, input.address, input.themes),
      kind: input.kind,
      address: input.address,
      district: input.district,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      width_m: input.widthM ?? null,
      height_m: input.heightM ?? null,
      themes_json: JSON.stringify(input.themes),
      status: input.status,
      installed_on: input.installedOn ?? null,
      unit_id: input.unitId ?? null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
  }

  async function insertAudited(
    trx: DbOrTrx,
    ctx: RequestContext,
    row: InstallationTable,
    action: "create" | "import",
  ) {
    await installations.insert(trx, row);
    const created = await mustFind(trx, row.id);
    await audit.record(trx, ctx, {
      entityType: "installation",
      entityId: row.id,
      action: action === "create" ? "create" : "import",
      after: presentInstallation(created),
    });
    return created;
  }

  return {
    newRow,

    async list(ctx: RequestContext, query: InstallationListQuery) {
      assertCan(ctx.actor, "installations.read");
      const { field, direction } = parseSort<InstallationSort>(query.sort, "updatedAt");
      return installations.list(db, query, {
        ...toLimitOffset(query),
        sort: field,
        direction: query.sort ? direction : "desc",
      });
    },

    async all(ctx: RequestContext, filter: InstallationFilter) {
      assertCan(ctx.actor, "installations.read");
      return installations.all(db, filter);
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "installations.read");
      const row = await mustFind(db, id);
      const photos = await installations.photos(db, id);
      return {
        ...presentInstallation(row),
        photos: photos.map(presentPhoto),
        canEdit: await canEdit(ctx, id),
      };
    },

    async create(ctx: RequestContext, input: CreateInstallationBody) {
      assertCan(ctx.actor, "installations.manage");
      const row = newRow(ctx, input);
      await assertUnit(input.unitId);
      return db.transaction().execute((trx) => insertAudited(trx, ctx, row, "create"));
    },

    /**
     * Imports installations from the first sheet of a workbook: every row is checked first; with any
     * bad row nothing is written and the answer (400 `import_rows_invalid`) lists each problem by row.
     */
    async importWorkbook(ctx: RequestContext, upload: { contentBase64: string }) {
      assertCan(ctx.actor, "installations.manage");
      const report = await readSheetRows(
        Buffer.from(upload.contentBase64, "base64"),
        INSTALLATION_IMPORT_COLUMNS,
        ImportedInstallation,
      );
      const rows = rowsWithUnits(report, {
        units: await installations.unitNames(db),
        unitColumn: "Đơn vị",
        unitCode: "installation_unit_not_found",
        build: ({ size, unit: _unit, ...rest }, unitId) => newRow(ctx, { ...rest, ...size, unitId }),
      });
      assertNoProblems(report);
      await db.transaction().execute(async (trx) => {
        for (const row of rows) await insertAudited(trx, ctx, row, "import");
      });
      return { imported: rows.length };
    },

    async update(ctx: RequestContext, id: string, input: UpdateInstallationBody) {
      const before = await mustEdit(ctx, id);
      const latitude = input.latitude !== undefined ? input.latitude : before.latitude;
      const longitude = input.longitude !== undefined ? input.longitude : before.longitude;
      assertPlace({
        district: input.district,
        latitude,
        longitude,
        widthM: input.widthM,
        heightM: input.heightM,
      });
      await assertUnit(input.unitId);
      const title = input.title ?? before.title;
      const address = input.address ?? before.address;
      const themes = input.themes ?? (JSON.parse(before.themes_json) as string[]);
      return db.transaction().execute(async (trx) => {
        await installations.update(trx, id, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.address !== undefined && { address: input.address }),
          ...(input.district !== undefined && { district: input.district }),
          ...(input.latitude !== undefined && { latitude: input.latitude }),
          ...(input.longitude !== undefined && { longitude: input.longitude }),
          ...(input.widthM !== undefined && { width_m: input.widthM }),
          ...(input.heightM !== undefined && { height_m: input.heightM }),
          ...(input.themes !== undefined && { themes_json: JSON.stringify(input.themes) }),
          ...(input.status !== undefined && { status: input.status }),
          ...(input.installedOn !== undefined && { installed_on: input.installedOn }),
          ...(input.unitId !== undefined && { unit_id: input.unitId }),
          folded_text: foldInstallationText(title, address, themes),
          updated_at: nowIso(),
        });
        const after = await mustFind(trx, id);
        await audit.record(trx, ctx, {
          entityType: "installation",
          entityId: id,
          action: "update",
          before: presentInstallation(before),
          after: presentInstallation(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "installations.manage");
      const before = await mustFind(db, id);
      await db.transaction().execute(async (trx) => {
        await installations.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "installation",
          entityId: id,
          action: "delete",
          before: presentInstallation(before),
        });
      });
    },

    /** Checks, resizes (EXIF stripped) and stores a photo; the original bytes are not kept. */
    async addPhoto(
      ctx: RequestContext,
      id: string,
      input: { filename: string; caption?: string | null | undefined; contentBase64: string },
    ) {
      const actor = assertCan(ctx.actor, "installations.edit");
      await mustEdit(ctx, id);
      if (Math.floor((input.contentBase64.length * 3) / 4) > deps.files.uploadLimit + 3)
        throw installationErrors.fileTooLarge({ meta: { limit: deps.files.uploadLimit } });
      if (!BASE64.test(input.contentBase64)) throw installationErrors.notAnImage();
      const bytes = Buffer.from(input.contentBase64, "base64");
      if (bytes.length > deps.files.uploadLimit) throw installationErrors.fileTooLarge();
      const variants = await makePhotoVariants(bytes);
      return db.transaction().execute(async (trx) => {
        const stem = input.filename.replace(/\.[A-Za-z0-9]{1,5}$/, "");
        const photoId = newId();
        const row = {
          id: photoId,
          installation_id: id,
          small_file_id: await storeVariant(trx, variants.small, `${stem}-320.jpg`, actor.userId),
          large_file_id: await storeVariant(trx, variants.large, `${stem}-1280.jpg`, actor.userId),
          width: variants.width,
          height: variants.height,
          file_name: input.filename,
          caption: input.caption ?? null,
          created_by: actor.userId,
          created_at: nowIso(),
        };
        await installations.insertPhoto(trx, row);
        await installations.update(trx, id, { updated_at: nowIso() });
        await audit.record(trx, ctx, {
          entityType: "installation",
          entityId: id,
          action: "add_photo",
          after: { photo: input.filename, caption: row.caption },
        });
        return presentPhoto(row);
      });
    },

    async removePhoto(ctx: RequestContext, id: string, photoId: string) {
      await mustEdit(ctx, id);
      const photo = await installations.photo(db, id, photoId);
      if (!photo) throw installationErrors.photoNotFound();
      await db.transaction().execute(async (trx) => {
        await installations.deletePhoto(trx, photoId);
        await audit.record(trx, ctx, {
          entityType: "installation",
          entityId: id,
          action: "remove_photo",
          before: { photo: photo.file_name, caption: photo.caption },
        });
      });
    },

    async photoFile(ctx: RequestContext, id: string, photoId: string, size: "small" | "large") {
      assertCan(ctx.actor, "installations.read");
      const photo = await installations.photo(db, id, photoId);
      if (!photo) throw installationErrors.photoNotFound();
      const file = await installations.storedFile(
        db,
        size === "small" ? photo.small_file_id : photo.large_file_id,
      );
      if (!file) throw installationErrors.photoNotFound();
      return { bytes: await deps.files.store.read(file.storage_path), name: file.original_name };
    },
  };
}

export type InstallationsService = ReturnType<typeof createInstallationsService>;
