/**
 * The portal's own feeds as monitoring sources: one RSS source per portal language
 * (`{HAIDANG_PORTAL_URL}/{lang}/rss.xml`), flagged as a channel of the city itself (kênh của thành
 * phố) so that statistics count it apart from outside coverage. Run when the portal's public address
 * is configured (at start of `serve`, by `haidang monitor own-channels`, by the demo seed): creates
 * the missing sources and re-flags an existing source with the same address; never deletes.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type { SourcesService } from "./monitoring-sources.service.js";
import type { SourcesRepository } from "./storage/sources.repository.js";

/** Names of the portal's languages as a source name says them. */
const LANGUAGE_NAMES: Record<string, string> = {
  vi: "tiếng Việt",
  en: "tiếng Anh",
  zh: "tiếng Trung",
  ja: "tiếng Nhật",
  ko: "tiếng Hàn",
  fr: "tiếng Pháp",
  ru: "tiếng Nga",
};

/**
 * The origins of the city's own portal that monitoring may fetch although they are private addresses:
 * the configured public address, and the local listener on loopback at `PORTAL_PORT` when this
 * installation runs the portal (`serve` adds the listener's actual address once it listens). Nothing
 * else is trusted.
 */
export function ownPortalOrigins(portal: {
  publicUrl: string | undefined;
  isEnabled: boolean;
  port: number;
}): string[] {
  const origins = portal.publicUrl ? [portal.publicUrl] : [];
  if (portal.isEnabled && portal.port > 0)
    for (const h of ["127.0.0.1", "localhost", "[::1]"]) origins.push(`http://${h}:${portal.port}`);
  return origins;
}

/** The feed address of one portal language. */
export const portalFeedUrl = (publicUrl: string, lang: string) =>
  `${publicUrl.replace(/\/+$/, "")}/${lang}/rss.xml`;

export async function ensurePortalOwnChannels(
  deps: {
    db: Db;
    sources: Pick<SourcesService, "insert">;
    repository: Pick<SourcesRepository, "findByUrl" | "update">;
    audit: AuditService;
  },
  ctx: RequestContext,
  portal: { publicUrl: string; languages: readonly string[] },
): Promise<{ created: string[]; flagged: string[] }> {
  const created: string[] = [];
  const flagged: string[] = [];
  for (const lang of portal.languages) {
    const url = portalFeedUrl(portal.publicUrl, lang);
    await deps.db.transaction().execute(async (trx) => {
      const existing = await deps.repository.findByUrl(trx, url);
      if (existing?.is_own_channel === 1) return;
      if (existing) {
        await deps.repository.update(trx, existing.id, { is_own_channel: 1, updated_at: nowIso() });
        await deps.audit.record(trx, ctx, {
          entityType: "monitoring_source",
          entityId: existing.id,
          action: "update",
          before: { isOwnChannel: false },
          after: { isOwnChannel: true },
        });
        flagged.push(url);
        return;
      }
      await deps.sources.insert(trx, ctx, {
        name: `Cổng Thông tin đối ngoại (${LANGUAGE_NAMES[lang] ?? lang})`,
        url,
        format: "rss",
        country: "VN",
        language: lang,
        outletType: "government",
        pollMinutes: 60,
        isActive: true,
        fetchPages: false,
        isOwnChannel: true,
      });
      created.push(url);
    });
  }
  return { created, flagged };
}
