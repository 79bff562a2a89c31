/** Calls of the communication-plan API; shapes from the server's schemas (src/shared/api/events.ts). */
import type { z } from "zod";
import type { CreatePlanItemBody, PlanItem, UpdatePlanItemBody } from "../../../shared/api/events";
import { api, download } from "../../api/client";

export type PlanItemInput = z.input<typeof CreatePlanItemBody>;

export const planApi = {
  list: (eventId: string, signal?: AbortSignal) =>
    api.get<{ items: PlanItem[] }>(`/api/events/${eventId}/plan`, undefined, signal),
  create: (eventId: string, input: PlanItemInput) => api.post<PlanItem>(`/api/events/${eventId}/plan`, input),
  update: (eventId: string, itemId: string, input: z.input<typeof UpdatePlanItemBody>) =>
    api.patch<PlanItem>(`/api/events/${eventId}/plan/${itemId}`, input),
  remove: (eventId: string, itemId: string) => api.delete(`/api/events/${eventId}/plan/${itemId}`),
  milestonesOfTask: (taskId: string, signal?: AbortSignal) =>
    api.get<{ items: PlanItem[] }>(`/api/tasks/${taskId}/plan-milestones`, undefined, signal),
  /** Milestones of a programme's tasks in [from, to] (the follow-up calendar). */
  ofProgramme: (programmeId: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<{ items: PlanItem[] }>("/api/event-plan-items", { programmeId, from, to }, signal),
  export: (format: "csv" | "xlsx", filter: { from?: string; to?: string; q?: string }) =>
    download("/api/event-plan-items/export", { ...filter, format }, `ke-hoach-truyen-thong.${format}`),
};
