/**
 * The portal's media library: upload (checked and converted before anything is stored), list and
 * search, metadata per language (alt text, caption) and credit, delete (refused while an item uses the
 * file), and the check the portal runs when a language is published: every library image the item uses
 * must have alt text in that language; the published text is then rendered with the images' variants.
 */
import type { RequestContext } from "../../../platform/context.js";
import type { Db, DbOrTrx } from "../../../platform/db/database.js";
import type { FileStore } from "../../../platform/files/file-store.js";
import type { StoredFilesRepository } from "../../../platform/files/stored-files.repository.js";
import { newId, nowIso } from "../../../platform/ids.js";
import { assertCan } from "../../../platform/policy/policy.js";
import type { RichTextDoc } from "../../../shared/api/portal.js";
import type {
  PortalMedia,
  PortalMediaListQuery,
  PortalMediaPage,
  UpdatePortalMediaBody,
  UploadPortalMediaBody,
} from "../../../shared/api/portal-media.js";
import { foldVietnamese } from "../../../shared/text/fold.js";
import type { AuditService } from "../../audit/audit.service.js";
import type { PortalLocalizationTable } from "../portal.tables.js";
import { type MediaImage, renderRichText } from "../portal-render.js";
import { altMissing, mediaErrors } from "./media.errors.js";
import { mediaImageOf, parseTexts, presentMedia } from "./media.presenter.js";
import { processUpload } from "./media.processing.js";
import type { MediaRepository } from "./media.repository.js";
import type { PortalMediaTable } from "./media.tables.js";
import { referencedMediaIds } from "./media-refs.js";

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

const MEDIA_TYPES: Record<string, string> = {
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
};
export const mediaTypeOfFormat = (format: string) => MEDIA_TYPES[format] ?? "application/octet-stream";

/** Merges per-language texts; an empty string removes a language. */
function mergeTexts(before: Record<string, string>, change: Partial<Record<string, string>> | undefined) {
  const out = { ...before };
  for (const [lang, text] of Object.entries(change ?? {})) {
    if (text) out[lang] = text;
    else delete out[lang];
  }
  return out;
}

const searchTextOf = (
  row: Pick<PortalMediaTable, "original_name" | "alt_json" | "caption_json" | "credit">,
) =>
  foldVietnamese(
    [
      row.original_name,
      ...Object.values(parseTexts(row.alt_json)),
      ...Object.values(parseTexts(row.caption_json)),
      row.credit ?? "",
    ].join(" "),
  );

export function createMediaService(deps: {
  db: Db;
  media: MediaRepository;
  audit: AuditService;
  files: { store: FileStore; storedFiles: StoredFilesRepository; uploadLimit: number };
}) {
  const { db, media, audit, files } = deps;

  async function mustFind(trx: DbOrTrx, id: string) {
    const row = await media.find(trx, id);
    if (!row) throw mediaErrors.notFound({ meta: { id } });
    return row;
  }

  async function detail(trx: DbOrTrx, row: PortalMediaTable): Promise<PortalMedia> {
    const [rowFiles, usage] = await Promise.all([media.filesOf(trx, [row.id]), media.usage(trx, row.id)]);
    return presentMedia(row, rowFiles, usage);
  }

  async function storeFile(trx: DbOrTrx, bytes: Buffer, name: string, mediaType: string, userId: string) {
    const put = await files.store.put(bytes);
    const existing = await files.storedFiles.findBySha256(trx, put.sha256);
    if (existing) return existing.id;
    const id = newId();
    await files.storedFiles.insert(trx, {
      id,
      sha256: put.sha256,
      size: put.size,
      media_type: mediaType,
      original_name: name,
      storage_path: put.storagePath,
      created_at: nowIso(),
      created_by: userId,
    });
    return id;
  }

  return {
    async list(ctx: RequestContext, query: PortalMediaListQuery): Promise<PortalMediaPage> {
      assertCan(ctx.actor, "portal.read");
      const { rows, total } = await media.list(db, {
        q: query.q ? foldVietnamese(query.q) : undefined,
        kind: query.kind,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const allFiles = await media.filesOf(
        db,
        rows.map((r) => r.id),
      );
      const items = await Promise.all(
        rows.map(async (r) =>
          presentMedia(
            r,
            allFiles.filter((f) => f.media_id === r.id),
            await media.usage(db, r.id),
          ),
        ),
      );
      return { items, page: query.page, pageSize: query.pageSize, total };
    },

    async get(ctx: RequestContext, id: string): Promise<PortalMedia> {
      assertCan(ctx.actor, "portal.read");
      return detail(db, await mustFind(db, id));
    },

    /** Checks and converts the file first; only then is anything stored, in one transaction. */
    async upload(ctx: RequestContext, input: UploadPortalMediaBody): Promise<PortalMedia> {
      const actor = assertCan(ctx.actor, "portal.edit");
      if (Math.floor((input.contentBase64.length * 3) / 4) > files.uploadLimit + 3)
        throw mediaErrors.fileTooLarge({ meta: { limit: files.uploadLimit } });
      if (!BASE64.test(input.contentBase64)) throw mediaErrors.unreadable();
      const bytes = Buffer.from(input.contentBase64, "base64");
      if (bytes.length > files.uploadLimit)
        throw mediaErrors.fileTooLarge({ meta: { limit: files.uploadLimit } });
      const processed = await processUpload(bytes, input.filename);
      const now = nowIso();
      const row: PortalMediaTable = {
        id: newId(),
        kind: processed.kind,
        original_name: input.filename,
        media_type: processed.mediaType,
        width: processed.width,
        height: processed.height,
        page_count: processed.pageCount,
        size: bytes.length,
        alt_json: JSON.stringify(mergeTexts({}, input.alt)),
        caption_json: JSON.stringify(mergeTexts({}, input.caption)),
        credit: input.credit || null,
        search_text: "",
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      row.search_text = searchTextOf(row);
      return db.transaction().execute(async (trx) => {
        const fileRows = [];
        for (const f of processed.files)
          fileRows.push({
            media_id: row.id,
            name: f.name,
            format: f.format,
            width: f.width,
            height: f.height,
            file_id: await storeFile(trx, f.bytes, f.name, mediaTypeOfFormat(f.format), actor.userId),
          });
        await media.insert(trx, row, fileRows);
        await audit.record(trx, ctx, {
          entityType: "portal_media",
          entityId: row.id,
          action: "create",
          after: {
            name: row.original_name,
            kind: row.kind,
            mediaType: row.media_type,
            width: row.width,
            height: row.height,
            pageCount: row.page_count,
            files: fileRows.map((f) => f.name),
          },
        });
        return detail(trx, row);
      });
    },

    /**
     * Alt text, caption and credit. Alt text cannot be removed for a language in which an item using
     * the image is published (the public page would lose it).
     */
    async update(ctx: RequestContext, id: string, input: UpdatePortalMediaBody): Promise<PortalMedia> {
      assertCan(ctx.actor, "portal.edit");
      return db.transaction().execute(async (trx) => {
        const before = await mustFind(trx, id);
        const alt = mergeTexts(parseTexts(before.alt_json), input.alt);
        const published = new Set(
          (await media.usage(trx, id)).filter((u) => u.state === "published").map((u) => u.lang),
        );
        for (const lang of published) if (!alt[lang]) throw altMissing(lang, [before.original_name]);
        const changes: Partial<PortalMediaTable> = {
          alt_json: JSON.stringify(alt),
          caption_json: JSON.stringify(mergeTexts(parseTexts(before.caption_json), input.caption)),
          credit: input.credit === undefined ? before.credit : input.credit || null,
          updated_at: nowIso(),
        };
        const after = { ...before, ...changes };
        changes.search_text = searchTextOf(after);
        await media.update(trx, id, changes);
        await audit.record(trx, ctx, {
          entityType: "portal_media",
          entityId: id,
          action: "update",
          before: {
            alt: parseTexts(before.alt_json),
            caption: parseTexts(before.caption_json),
            credit: before.credit,
          },
          after: { alt, caption: parseTexts(after.caption_json), credit: after.credit },
        });
        return detail(trx, { ...after, search_text: changes.search_text });
      });
    },

    /** Deletes a media item no portal item uses (409 otherwise). Stored bytes stay (shared by hash). */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      assertCan(ctx.actor, "portal.edit");
      await db.transaction().execute(async (trx) => {
        const before = await mustFind(trx, id);
        const usage = await media.usage(trx, id);
        if (usage.length > 0)
          throw mediaErrors.inUse({ meta: { items: [...new Set(usage.map((u) => u.item_id))] } });
        await media.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "portal_media",
          entityId: id,
          action: "delete",
          before: { name: before.original_name, kind: before.kind, alt: parseTexts(before.alt_json) },
        });
      });
    },

    /** A file for signed-in staff (thumbnails and previews of media not yet public). */
    async file(ctx: RequestContext, id: string, name: string) {
      assertCan(ctx.actor, "portal.read");
      const file = await media.findFile(db, id, name);
      if (!file) throw mediaErrors.notFound({ meta: { id, name } });
      return { bytes: await files.store.read(file.storage_path), type: mediaTypeOfFormat(file.format) };
    },

    /**
     * Runs in the transaction that publishes one language of an item: refuses publication when a
     * library image the item uses has no alt text in that language (naming the language and the
     * images), and otherwise renders the text with the images' responsive variants and alt text.
     */
    async onPublishing(
      trx: DbOrTrx,
      loc: PortalLocalizationTable,
    ): Promise<Partial<PortalLocalizationTable> | undefined> {
      const content = await media.itemContent(trx, loc.item_id);
      const ids = referencedMediaIds([content.mediaUrl, ...content.bodies]);
      if (ids.length === 0) return undefined;
      // PDFs count too: their cover is what an item shows of them.
      const rows = await media.findMany(trx, ids);
      const missing = rows.filter((r) => !parseTexts(r.alt_json)[loc.lang]).map((r) => r.original_name);
      if (missing.length > 0) throw altMissing(loc.lang, missing.sort());
      const allFiles = await media.filesOf(
        trx,
        rows.map((r) => r.id),
      );
      const lookup = new Map<string, MediaImage>();
      for (const r of rows) {
        const image = mediaImageOf(
          r,
          allFiles.filter((f) => f.media_id === r.id),
          loc.lang,
        );
        if (image) lookup.set(r.id, image);
      }
      return { body_html: renderRichText(JSON.parse(loc.body_json) as RichTextDoc, lookup) };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
