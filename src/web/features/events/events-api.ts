/** Calls of the events calendar API; the shapes come from the server's own schemas (src/shared/api/events.ts). */
import type { z } from "zod";
import type {
  CalendarFeed,
  CreatedCalendarFeed,
  CreateEventBody,
  EventDto,
  OccurrenceList,
  UpdateEventBody,
} from "../../../shared/api/events";
import { api, download } from "../../api/client";

/** What the form sends: the body before the server applies its defaults. */
export type EventInput = z.input<typeof CreateEventBody>;

export interface OccurrenceFilter {
  from: string;
  to: string;
  q?: string;
  kind?: string;
  roundOnly?: boolean;
  /** The list view asks one page at a time; the month and week views ask the whole range. */
  page?: number;
  pageSize?: number;
}

export const eventsApi = {
  occurrences: (filter: OccurrenceFilter, signal?: AbortSignal) =>
    api.get<OccurrenceList>(
      "/api/events",
      { ...filter, roundOnly: filter.roundOnly ? "true" : undefined },
      signal,
    ),
  get: (id: string, signal?: AbortSignal) => api.get<EventDto>(`/api/events/${id}`, undefined, signal),
  create: (input: EventInput) => api.post<EventDto>("/api/events", input),
  update: (id: string, input: z.input<typeof UpdateEventBody>) =>
    api.patch<EventDto>(`/api/events/${id}`, input),
  remove: (id: string) => api.delete(`/api/events/${id}`),
  exportIcs: (filter: OccurrenceFilter) =>
    download(
      "/api/events/export.ics",
      { from: filter.from, to: filter.to, q: filter.q, kind: filter.kind },
      "lich.ics",
    ),
  feeds: (signal?: AbortSignal) =>
    api.get<{ items: CalendarFeed[] }>("/api/calendar/feeds", undefined, signal),
  createFeed: (label: string) => api.post<CreatedCalendarFeed>("/api/calendar/feeds", { label }),
  revokeFeed: (id: string) => api.delete<CalendarFeed>(`/api/calendar/feeds/${id}`),
};
