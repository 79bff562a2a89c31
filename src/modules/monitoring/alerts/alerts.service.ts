/**
 * Alerts of saved searches: new matches since the last check, a volume spike against the rolling hourly
 * baseline of the past week, or a daily/weekly digest. Each firing is an event with an idempotency key
 * (re-running the check fires nothing twice); in-app notifications are written with the event, e-mails
 * and signed webhooks are delivered by durable jobs that retry with backoff.
 */
import type { Db } from "../../../platform/db/database.js";
import { newId } from "../../../platform/ids.js";
import type { JobRunner } from "../../../platform/jobs/job-runner.js";
import { localDay } from "../ingest/item-store.js";
import { parseQuery, type QueryNode } from "../search/query-parser.js";
import type { SavedSearchesRepository, SavedSearchRow } from "../search/saved-searches.repository.js";
import type { AlertChannels } from "../search/search.schemas.js";
import type { SearchFilters, SearchIndex } from "../search/search-index.js";
import { postWebhook } from "./webhook.post.js";

export const DELIVER_JOB = "monitoring.alert.deliver";
const HOUR = 3600_000;

export interface AlertsDeps {
  db: Db;
  jobs: JobRunner;
  search: SearchIndex;
  saved: SavedSearchesRepository;
  allowPrivate: boolean;
  /** Sends an e-mail (SMTP); undefined when SMTP is not configured. */
  sendMail?: (to: string, subject: string, text: string) => Promise<void>;
}

type Kind = "new" | "spike" | "digest";

export function createAlertsService(deps: AlertsDeps) {
  const { db, saved } = deps;

  async function fire(
    s: SavedSearchRow,
    kind: Kind,
    key: string,
    count: number,
    itemIds: string[],
    at: Date,
  ) {
    const eventId = newId();
    const now = at.toISOString();
    const toDeliver: string[] = [];
    const isNew = await db.transaction().execute(async (trx) => {
      const inserted = await saved.insertEvent(trx, {
        id: eventId,
        saved_search_id: s.id,
        kind,
        idempotency_key: key,
        count,
        item_ids_json: JSON.stringify(itemIds),
        created_at: now,
      });
      if (!inserted) return false;
      const channels = JSON.parse(s.channels_json) as AlertChannels;
      const title = `Cảnh báo "${s.name}": ${count} tin (${kind}) / Alert "${s.name}": ${count} items (${kind})`;
      if (channels.inApp) {
        await saved.insertNotification(trx, {
          id: newId(),
          user_id: s.owner_id,
          title,
          body: `query: ${s.query}`,
          created_at: now,
        });
        await saved.insertDelivery(trx, {
          id: newId(),
          event_id: eventId,
          channel: "in_app",
          target: s.owner_id,
          status: "sent",
          attempts: 1,
          last_error: null,
          created_at: now,
          sent_at: now,
        });
      }
      const outbound: { channel: string; target: string }[] = [
        ...(deps.sendMail ? channels.emails.map((e) => ({ channel: "email", target: e })) : []),
        ...(channels.webhook ? [{ channel: "webhook", target: channels.webhook.url }] : []),
      ];
      for (const o of outbound) {
        const id = newId();
        await saved.insertDelivery(trx, {
          id,
          event_id: eventId,
          channel: o.channel,
          target: o.target,
          status: "pending",
          attempts: 0,
          last_error: null,
          created_at: now,
          sent_at: null,
        });
        toDeliver.push(id);
      }
      return true;
    });
    // After commit: the job runner writes through its own connection (SQLite has one writer).
    for (const id of toDeliver)
      await deps.jobs.enqueue({
        name: DELIVER_JOB,
        payload: { deliveryId: id },
        idempotencyKey: `${DELIVER_JOB}:${id}`,
        maxAttempts: 5,
      });
    return isNew;
  }

  async function checkOne(s: SavedSearchRow, at: Date): Promise<Kind[]> {
    let ast: QueryNode | null;
    let filters: SearchFilters;
    try {
      ({ ast, filters } = parseQuery(s.query));
    } catch {
      return []; // an invalid stored query fires nothing (it was validated on save)
    }
    const fired: Kind[] = [];
    const until = at.toISOString();
    if (s.alert_on_new) {
      const since = s.checked_until ?? s.created_at;
      const hits = await deps.search.query(
        db,
        ast,
        { ...filters, fetchedAfter: since, fetchedUntil: until },
        { limit: 50, offset: 0 },
      );
      if (hits.total > 0 && (await fire(s, "new", `${s.id}:new:${since}`, hits.total, hits.ids, at)))
        fired.push("new");
      await saved.update(db, s.id, { checked_until: until });
    }
    if (s.alert_on_spike) {
      const hourAgo = new Date(at.getTime() - HOUR).toISOString();
      const weekAgo = new Date(at.getTime() - 7 * 24 * HOUR).toISOString();
      const recent = await deps.search.count(db, ast, {
        ...filters,
        fetchedAfter: hourAgo,
        fetchedUntil: until,
      });
      const before = await deps.search.count(db, ast, {
        ...filters,
        fetchedAfter: weekAgo,
        fetchedUntil: hourAgo,
      });
      const baseline = before / (7 * 24 - 1);
      if (recent >= s.spike_min_count && recent >= s.spike_factor * Math.max(baseline, 1 / 24)) {
        const slot = until.slice(0, 13); // one spike alert per hour
        const hits = await deps.search.query(
          db,
          ast,
          { ...filters, fetchedAfter: hourAgo, fetchedUntil: until },
          { limit: 50, offset: 0 },
        );
        if (await fire(s, "spike", `${s.id}:spike:${slot}`, recent, hits.ids, at)) fired.push("spike");
      }
    }
    if (s.digest) {
      const days = s.digest === "weekly" ? 7 : 1;
      const day = localDay(until);
      const isDue = s.digest === "daily" || new Date(`${day}T00:00:00Z`).getUTCDay() === 1; // weekly on Mondays
      if (isDue) {
        const from = new Date(at.getTime() - days * 24 * HOUR).toISOString();
        const hits = await deps.search.query(
          db,
          ast,
          { ...filters, fetchedAfter: from, fetchedUntil: until },
          { limit: 50, offset: 0 },
        );
        if (
          hits.total > 0 &&
          (await fire(s, "digest", `${s.id}:digest:${s.digest}:${day}`, hits.total, hits.ids, at))
        )
          fired.push("digest");
      }
    }
    return fired;
  }

  /** Delivers one e-mail or webhook; throws on failure so that the job runner retries. */
  async function deliver(deliveryId: string): Promise<void> {
    const d = await saved.findDelivery(db, deliveryId);
    if (!d || d.status === "sent") return;
    const event = await saved.findEvent(db, d.event_id);
    const s = event ? await saved.find(db, event.saved_search_id) : undefined;
    if (!event || !s) return;
    const payload = {
      event: {
        id: event.id,
        kind: event.kind,
        count: event.count,
        createdAt: event.created_at,
        itemIds: JSON.parse(event.item_ids_json) as string[],
      },
      savedSearch: { id: s.id, name: s.name, query: s.query },
    };
    try {
      if (d.channel === "webhook") {
        const hook = (JSON.parse(s.channels_json) as AlertChannels).webhook;
        if (!hook) return;
        await postWebhook({ url: d.target, secret: hook.secret }, payload, {
          allowPrivate: deps.allowPrivate,
        });
      } else if (d.channel === "email" && deps.sendMail) {
        await deps.sendMail(
          d.target,
          `[Hải Đăng] Cảnh báo theo dõi: ${s.name} (${event.count})`,
          `Tìm kiếm "${s.name}" (${s.query}) có ${event.count} tin mới (${event.kind}).\nSaved search "${s.name}" has ${event.count} matching items (${event.kind}).`,
        );
      }
      await saved.updateDelivery(db, d.id, {
        status: "sent",
        attempts: d.attempts + 1,
        sent_at: new Date().toISOString(),
        last_error: null,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await saved.updateDelivery(db, d.id, {
        status: "failed",
        attempts: d.attempts + 1,
        last_error: message.slice(0, 1000),
      });
      throw err;
    }
  }

  deps.jobs.register<{ deliveryId: string }>({
    name: DELIVER_JOB,
    handle: ({ payload }) => deliver(payload.deliveryId),
  });

  return {
    /** Checks every saved search with alerts; returns what fired. */
    async checkAll(at: Date = new Date()) {
      const fired: { savedSearchId: string; kinds: Kind[] }[] = [];
      for (const s of await saved.withAlerts(db)) {
        const kinds = await checkOne(s, at);
        if (kinds.length) fired.push({ savedSearchId: s.id, kinds });
      }
      return fired;
    },
    deliver,
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
