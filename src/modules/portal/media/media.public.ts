/**
 * The public site's media files: `/media/<id>/<content-hashed name>`, served only while an item using
 * the media item is published in some language (a 404 otherwise, as for any unknown page). A file's
 * name is the hash of its bytes, so its address never changes meaning and it is cached for a year as
 * immutable. Whether a media item is public is re-read at most once a second per process.
 */
import type { FastifyInstance } from "fastify";
import type { Db } from "../../../platform/db/database.js";
import type { FileStore } from "../../../platform/files/file-store.js";
import { createMediaRepository } from "./media.repository.js";
import { mediaTypeOfFormat } from "./media.service.js";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = /^[0-9a-f]{16}(?:-\d{1,5})?\.(?:webp|jpg|png|pdf)$/;
const MAX_REMEMBERED = 5000;

export function registerPublicMediaRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    store: FileStore;
    /** How long an answer to "is it public?" is reused (ms); 0: asked on every request. */
    checkMs?: number | undefined;
  },
) {
  const checkMs = deps.checkMs ?? 1000;
  const media = createMediaRepository();
  const checked = new Map<string, { isPublic: boolean; at: number }>();

  async function isPublic(id: string): Promise<boolean> {
    const known = checked.get(id);
    if (known && Date.now() - known.at < checkMs) return known.isPublic;
    const answer = await media.isPublic(deps.db, id);
    if (checked.size >= MAX_REMEMBERED) checked.delete(checked.keys().next().value as string);
    checked.set(id, { isPublic: answer, at: Date.now() });
    return answer;
  }

  app.get<{ Params: { id: string; name: string } }>("/media/:id/:name", async (request, reply) => {
    const { id, name } = request.params;
    if (!ID.test(id) || !NAME.test(name)) return reply.callNotFound();
    const file = await media.findFile(deps.db, id, name);
    if (!file || !(await isPublic(id))) return reply.callNotFound();
    const etag = `"${name}"`;
    reply
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("etag", etag)
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "default-src 'none'; sandbox")
      .type(mediaTypeOfFormat(file.format));
    if (request.headers["if-none-match"] === etag) return reply.status(304).send();
    if (file.format === "pdf") reply.header("content-disposition", `inline; filename="${name}"`);
    return reply.send(await deps.store.read(file.storage_path));
  });
}
