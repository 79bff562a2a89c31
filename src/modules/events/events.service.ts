/** The events calendar: events on the solar or lunar calendar, their occurrences, and ICS subscriptions. */
import { createHash, randomBytes } from "node:crypto";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type {
  CreateEventBody,
  OccurrenceListQuery,
  OccurrenceQuery,
  UpdateEventBody,
} from "../../shared/api/events.js";
import type { LunarDate } from "../../shared/calendar/lunar-calendar.js";
import { solarToLunar } from "../../shared/calendar/lunar-calendar.js";
import type { AuditService } from "../audit/audit.service.js";
import { todayInHoChiMinh } from "../follow-up/calendar/calendar.clock.js";
import { addDays, daysBetween, occurrencesBetween } from "./event-occurrences.js";
import { eventErrors } from "./events.errors.js";
import { occurrencesToIcs } from "./events.ics.js";
import {
  lunarDateOf,
  occurrenceLabel,
  presentEvent,
  presentOccurrence,
  timingOf,
} from "./events.presenter.js";
import { type EventRow, type EventsRepository, foldEventText } from "./events.repository.js";
import type { EventTable } from "./events.tables.js";
import { solarDayOf } from "./lunar-format.js";

const MAX_RANGE_DAYS = 400;
const DEFAULT_PAGE_SIZE = 50;
/** Titles in Vietnamese order (one collator: `localeCompare` builds one per call). */
const BY_LABEL = new Intl.Collator("vi");
const MAX_EVENT_DAYS = 366;

/** Where and when an event happens, resolved from what the user entered. */
interface Timing {
  calendar: "solar" | "lunar";
  start_date: string;
  end_date: string;
  lunar: LunarDate | null;
}

function resolveTiming(input: {
  startDate?: string | undefined;
  lunarDate?: LunarDate | undefined;
  endDate?: string | null | undefined;
}): Timing {
  if (Boolean(input.startDate) === Boolean(input.lunarDate)) throw eventErrors.dateRequired();
  const lunar = input.lunarDate ?? null;
  const start = lunar ? solarDayOf(lunar) : (input.startDate as string);
  const end = input.endDate ?? start;
  if (end < start) throw eventErrors.endBeforeStart({ meta: { startDate: start, endDate: end } });
  if (daysBetween(start, end) >= MAX_EVENT_DAYS) throw eventErrors.tooLong();
  return { calendar: lunar ? "lunar" : "solar", start_date: start, end_date: end, lunar };
}

const timingColumns = (t: Timing) => ({
  calendar: t.calendar,
  start_date: t.start_date,
  end_date: t.end_date,
  lunar_year: t.lunar?.year ?? null,
  lunar_month: t.lunar?.month ?? null,
  lunar_day: t.lunar?.day ?? null,
  lunar_leap: t.lunar ? (t.lunar.leap ? 1 : 0) : null,
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function createEventsService(deps: { db: Db; events: EventsRepository; audit: AuditService }) {
  const { db, events, audit } = deps;

  async function mustFind(id: string): Promise<EventRow> {
    const row = await events.find(db, id);
    if (!row) throw eventErrors.eventNotFound({ meta: { id } });
    return row;
  }

  function assertOrigin(originYear: number | null | undefined, startDate: string) {
    if (originYear != null && originYear > Number(startDate.slice(0, 4)))
      throw eventErrors.originAfterStart();
  }

  async function assertUnit(unitId: string | null | undefined) {
    if (unitId && !(await events.unitExists(db, unitId))) throw eventErrors.unitNotFound();
  }

  /**
   * Occurrences in [from, to], sorted by day then title; with `page`, only that page is presented
   * (its lunar dates computed and sent), the total counting them all.
   */
  async function occurrences(
    query: Pick<OccurrenceQuery, "from" | "to" | "q" | "kind" | "roundOnly">,
    page?: { page: number; pageSize: number },
  ) {
    const span = daysBetween(query.from, query.to);
    if (span < 0 || span > MAX_RANGE_DAYS)
      throw eventErrors.rangeInvalid({ meta: { from: query.from, to: query.to } });
    const rows = await events.candidatesBetween(db, query.from, query.to, { q: query.q, kind: query.kind });
    const all = rows.flatMap((row) =>
      occurrencesBetween(timingOf(row), query.from, query.to)
        .filter((o) => query.roundOnly !== "true" || o.isRoundAnniversary)
        .map((o) => ({ row, o, label: occurrenceLabel(row, o) })),
    );
    all.sort((a, b) =>
      a.o.startDate === b.o.startDate
        ? BY_LABEL.compare(a.label, b.label)
        : a.o.startDate < b.o.startDate
          ? -1
          : 1,
    );
    const shown = page ? all.slice((page.page - 1) * page.pageSize, page.page * page.pageSize) : all;
    return {
      from: query.from,
      to: query.to,
      items: shown.map(({ row, o }) => presentOccurrence(row, o)),
      total: all.length,
      ...page,
    };
  }

  return {
    /** The range's occurrences, or one page of them when `page` or `pageSize` is given. */
    async list(ctx: RequestContext, query: OccurrenceListQuery) {
      assertCan(ctx.actor, "events.read");
      const paged = query.page !== undefined || query.pageSize !== undefined;
      return occurrences(
        query,
        paged ? { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE } : undefined,
      );
    },

    async get(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "events.read");
      return mustFind(id);
    },

    async create(ctx: RequestContext, input: CreateEventBody) {
      assertCan(ctx.actor, "events.manage");
      const timing = resolveTiming(input);
      assertOrigin(input.originYear, timing.start_date);
      await assertUnit(input.unitId);
      const now = nowIso();
      const row: EventTable = {
        id: newId(),
        title: input.title,
        folded_text: foldEventText(input.title, input.location),
        kind: input.kind,
        description: input.description ?? null,
        location: input.location ?? null,
        ...timingColumns(timing),
        recurrence: input.recurrence,
        origin_year: input.originYear ?? null,
        unit_id: input.unitId ?? null,
        created_by: ctx.actor?.userId ?? null,
        created_at: now,
        updated_at: now,
      };
      return db.transaction().execute(async (trx) => {
        await events.insert(trx, row);
        const created = await events.find(trx, row.id);
        if (!created) throw eventErrors.eventNotFound();
        await audit.record(trx, ctx, {
          entityType: "event",
          entityId: row.id,
          action: "create",
          after: presentEvent(created),
        });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateEventBody) {
      assertCan(ctx.actor, "events.manage");
      const before = await mustFind(id);
      let timingChanges = {};
      let startDate = before.start_date;
      if (input.startDate !== undefined || input.lunarDate !== undefined || input.endDate !== undefined) {
        const movesStart = input.startDate !== undefined || input.lunarDate !== undefined;
        const lunarBefore = lunarDateOf(before);
        const timing = movesStart
          ? resolveTiming({ startDate: input.startDate, lunarDate: input.lunarDate, endDate: input.endDate })
          : resolveTiming({
              startDate: lunarBefore ? undefined : before.start_date,
              lunarDate: lunarBefore ?? undefined,
              endDate: input.endDate,
            });
        // Moving the start without a new end keeps the event's length.
        if (movesStart && input.endDate === undefined) {
          timing.end_date = addDays(timing.start_date, daysBetween(before.start_date, before.end_date));
        }
        startDate = timing.start_date;
        timingChanges = timingColumns(timing);
      }
      const originYear = input.originYear !== undefined ? input.originYear : before.origin_year;
      assertOrigin(originYear, startDate);
      await assertUnit(input.unitId);
      const title = input.title ?? before.title;
      const location = input.location !== undefined ? input.location : before.location;
      return db.transaction().execute(async (trx) => {
        await events.update(trx, id, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.location !== undefined && { location: input.location }),
          ...(input.recurrence !== undefined && { recurrence: input.recurrence }),
          ...(input.originYear !== undefined && { origin_year: input.originYear }),
          ...(input.unitId !== undefined && { unit_id: input.unitId }),
          ...timingChanges,
          folded_text: foldEventText(title, location),
          updated_at: nowIso(),
        });
        const after = await events.find(trx, id);
        if (!after) throw eventErrors.eventNotFound();
        await audit.record(trx, ctx, {
          entityType: "event",
          entityId: id,
          action: "update",
          before: presentEvent(before),
          after: presentEvent(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "events.manage");
      const before = await mustFind(id);
      await db.transaction().execute(async (trx) => {
        await events.delete(trx, id);
        await audit.record(trx, ctx, {
          entityType: "event",
          entityId: id,
          action: "delete",
          before: presentEvent(before),
        });
      });
    },

    /** Occurrences of [from, to] as an .ics document (the export button of the calendar page). */
    async exportIcs(ctx: RequestContext, query: OccurrenceQuery) {
      assertCan(ctx.actor, "events.read");
      const { items } = await occurrences(query);
      return occurrencesToIcs({
        name: "Hải Đăng — Lịch sự kiện",
        occurrences: items,
        generatedAt: new Date(),
      });
    },

    /** A personal subscription: the token is returned once; only its hash is kept. */
    async createFeed(ctx: RequestContext, label: string) {
      const actor = assertCan(ctx.actor, "events.read");
      const token = randomBytes(24).toString("base64url");
      const row = {
        id: newId(),
        user_id: actor.userId,
        token_hash: hashToken(token),
        label,
        created_at: nowIso(),
        revoked_at: null,
        last_used_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await events.insertFeed(trx, row);
        await audit.record(trx, ctx, {
          entityType: "calendar_feed",
          entityId: row.id,
          action: "create",
          after: { label },
        });
      });
      return { feed: row, token };
    },

    async listFeeds(ctx: RequestContext) {
      const actor = assertCan(ctx.actor, "events.read");
      return events.listFeeds(db, actor.userId);
    },

    async revokeFeed(ctx: RequestContext, id: string) {
      const actor = assertCan(ctx.actor, "events.read");
      const feed = await events.findFeed(db, id);
      // Someone else's subscription is as good as absent.
      if (!feed || feed.user_id !== actor.userId) throw eventErrors.feedNotFound();
      if (feed.revoked_at) return feed;
      const at = nowIso();
      await db.transaction().execute(async (trx) => {
        await events.revokeFeed(trx, id, at);
        await audit.record(trx, ctx, {
          entityType: "calendar_feed",
          entityId: id,
          action: "revoke",
          before: { label: feed.label },
        });
      });
      return { ...feed, revoked_at: at };
    },

    /**
     * The subscription document for a token (no session: calendar apps cannot sign in): a year back and
     * a year ahead of today. A revoked token, or one whose account was deactivated, answers 401.
     */
    async feedIcs(token: string, today: string = todayInHoChiMinh()) {
      const feed = await events.findFeedByHash(db, hashToken(token));
      if (!feed) throw eventErrors.feedNotFound();
      if (feed.revoked_at || !(await events.userIsActive(db, feed.user_id))) throw eventErrors.feedRevoked();
      await events.touchFeed(db, feed.id, nowIso());
      const year = Number(today.slice(0, 4));
      const back = await occurrences({
        from: `${year - 1}-01-01`,
        to: `${year - 1}-12-31`,
        q: undefined,
        kind: undefined,
        roundOnly: undefined,
      });
      const ahead = await occurrences({
        from: `${year}-01-01`,
        to: `${year + 1}-01-31`,
        q: undefined,
        kind: undefined,
        roundOnly: undefined,
      });
      return occurrencesToIcs({
        name: `Hải Đăng — ${feed.label}`,
        occurrences: [...back.items, ...ahead.items],
        generatedAt: new Date(),
      });
    },

    /** The lunar date of a solar day, for forms and the calendar's cells. */
    lunarOf(date: string) {
      return solarToLunar(date);
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
