/**
 * Privacy-respecting view counts: per item, language, day and referring site; no cookie is set, no
 * address or visitor id is kept, only the counters. Counted in memory and written in one batch every
 * few seconds, so a page view costs no database write.
 */

import type { PortalRepository } from "../modules/portal/portal.repository.js";
import type { Db } from "../platform/db/database.js";

/** Days are counted in Vietnam's time zone, like the reports. */
const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

const BOT = /bot|crawl|spider|slurp|preview|facebookexternalhit|curl|wget/i;

/** The referring site's host name, or "" for none, an unreadable one or this site itself. */
export function referrerDomain(referer: string | undefined, ownHost: string | undefined): string {
  if (!referer) return "";
  try {
    const host = new URL(referer).hostname.toLowerCase().replace(/^www\./, "");
    const own = (ownHost ?? "")
      .split(":")[0]
      ?.toLowerCase()
      .replace(/^www\./, "");
    return host === own ? "" : host.slice(0, 200);
  } catch {
    return "";
  }
}

export function createViewCounter(deps: {
  db: Db;
  portal: PortalRepository;
  flushMs?: number;
  now?: () => Date;
}) {
  const pending = new Map<string, number>();
  const now = deps.now ?? (() => new Date());
  let flushing: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const rows = [...pending].map(([key, views]) => {
      const [item_id, lang, day, referrer_domain] = JSON.parse(key) as [string, string, string, string];
      return { item_id, lang, day, referrer_domain, views };
    });
    pending.clear();
    flushing = flushing.then(() =>
      deps.db.transaction().execute(async (trx) => deps.portal.addViews(trx, rows)),
    );
    await flushing;
  }

  const timer = setInterval(() => {
    flush().catch(() => {});
  }, deps.flushMs ?? 5000);
  timer.unref();

  return {
    /** Counts one view unless the visitor is a known robot. */
    count(input: { itemId: string; lang: string; userAgent: string | undefined; referrerDomain: string }) {
      if (!input.userAgent || BOT.test(input.userAgent)) return;
      const day = dayOf.format(now());
      const key = JSON.stringify([input.itemId, input.lang, day, input.referrerDomain]);
      pending.set(key, (pending.get(key) ?? 0) + 1);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type ViewCounter = ReturnType<typeof createViewCounter>;
