/** Events calendar API: occurrences for the month/week/list views, events, lunar dates, ICS export and subscriptions. */
import { z } from "zod";
import type { App } from "../../platform/http/types.js";
import {
  CreatedFeedSchema,
  CreateEventBody,
  CreateFeedBody,
  EventSchema,
  FeedListSchema,
  FeedSchema,
  FeedTokenParams,
  IdParams,
  LunarDaySchema,
  LunarQuery,
  OccurrenceListQuery,
  OccurrenceListSchema,
  OccurrenceQuery,
  UpdateEventBody,
} from "../../shared/api/events.js";
import { presentEvent } from "./events.presenter.js";
import type { EventsService } from "./events.service.js";
import type { CalendarFeedTable } from "./events.tables.js";
import { lunarDayOf } from "./lunar-format.js";

const read = { policy: "events.read" } as const;
const manage = { policy: "events.manage" } as const;
const tags = ["events"];
const ICS_TYPE = "text/calendar; charset=utf-8";

const presentFeed = (f: CalendarFeedTable) => ({
  id: f.id,
  label: f.label,
  createdAt: f.created_at,
  revokedAt: f.revoked_at,
  lastUsedAt: f.last_used_at,
});

export function registerEventsRoutes(app: App, deps: { events: EventsService }) {
  const { events } = deps;

  app.get(
    "/api/events",
    {
      config: read,
      schema: {
        operationId: "listEventOccurrences",
        tags,
        summary:
          "Sự kiện trong khoảng ngày (cả khoảng hoặc từng trang) / Event occurrences in a range (whole or a page)",
        querystring: OccurrenceListQuery,
        response: { 200: OccurrenceListSchema },
      },
    },
    async (request) => events.list(request.ctx, request.query),
  );

  app.get(
    "/api/events/export.ics",
    {
      config: read,
      schema: {
        operationId: "exportEventsIcs",
        tags,
        summary: "Xuất lịch ICS / Export the range as iCalendar",
        querystring: OccurrenceQuery,
      },
    },
    async (request, reply) => {
      const body = await events.exportIcs(request.ctx, request.query);
      return reply
        .type(ICS_TYPE)
        .header(
          "content-disposition",
          `attachment; filename="lich-su-kien-${request.query.from}-${request.query.to}.ics"`,
        )
        .send(body);
    },
  );

  app.post(
    "/api/events",
    {
      config: manage,
      schema: {
        operationId: "createEvent",
        tags,
        summary: "Thêm sự kiện / Create event",
        body: CreateEventBody,
        response: { 201: EventSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentEvent(await events.create(request.ctx, request.body))),
  );

  app.get(
    "/api/events/:id",
    {
      config: read,
      schema: {
        operationId: "getEvent",
        tags,
        summary: "Chi tiết sự kiện / Event",
        params: IdParams,
        response: { 200: EventSchema },
      },
    },
    async (request) => presentEvent(await events.get(request.ctx, request.params.id)),
  );

  app.patch(
    "/api/events/:id",
    {
      config: manage,
      schema: {
        operationId: "updateEvent",
        tags,
        summary: "Sửa sự kiện / Update event",
        params: IdParams,
        body: UpdateEventBody,
        response: { 200: EventSchema },
      },
    },
    async (request) => presentEvent(await events.update(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    "/api/events/:id",
    {
      config: manage,
      schema: {
        operationId: "deleteEvent",
        tags,
        summary: "Xoá sự kiện / Delete event",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await events.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/calendar/lunar",
    {
      config: read,
      schema: {
        operationId: "getLunarDate",
        tags,
        summary: "Đổi dương lịch sang âm lịch / Lunar date of a solar day",
        querystring: LunarQuery,
        response: { 200: LunarDaySchema },
      },
    },
    async (request) => lunarDayOf(request.query.date),
  );

  app.get(
    "/api/calendar/feeds",
    {
      config: read,
      schema: {
        operationId: "listCalendarFeeds",
        tags,
        summary: "Đường dẫn lịch cá nhân / My calendar subscriptions",
        response: { 200: FeedListSchema },
      },
    },
    async (request) => ({ items: (await events.listFeeds(request.ctx)).map(presentFeed) }),
  );

  app.post(
    "/api/calendar/feeds",
    {
      config: read,
      schema: {
        operationId: "createCalendarFeed",
        tags,
        summary: "Tạo đường dẫn lịch cá nhân / Create a calendar subscription",
        body: CreateFeedBody,
        response: { 201: CreatedFeedSchema },
      },
    },
    async (request, reply) => {
      const { feed, token } = await events.createFeed(request.ctx, request.body.label);
      return reply.status(201).send({ ...presentFeed(feed), path: `/api/calendar/ics/${token}` });
    },
  );

  app.delete(
    "/api/calendar/feeds/:id",
    {
      config: read,
      schema: {
        operationId: "revokeCalendarFeed",
        tags,
        summary: "Thu hồi đường dẫn lịch / Revoke a calendar subscription",
        params: IdParams,
        response: { 200: FeedSchema },
      },
    },
    async (request) => presentFeed(await events.revokeFeed(request.ctx, request.params.id)),
  );

  app.get(
    "/api/calendar/ics/:token",
    {
      // Calendar apps cannot sign in: the secret token in the path is the credential.
      config: { policy: "public" },
      schema: {
        operationId: "getCalendarFeedIcs",
        tags,
        summary: "Lịch ICS theo đường dẫn cá nhân / Subscription document",
        params: FeedTokenParams,
      },
    },
    async (request, reply) => {
      const body = await events.feedIcs(request.params.token);
      return reply.type(ICS_TYPE).header("cache-control", "private, max-age=300").send(body);
    },
  );
}
