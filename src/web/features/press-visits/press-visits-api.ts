/** Calls of the foreign press visits API; the shapes come from the server's schemas (src/shared/api/press-visits.ts). */
import type { z } from "zod";
import type { Coverage } from "../../../shared/api/delegations";
import type { Page } from "../../../shared/api/pagination";
import type {
  CreatePressVisitBody,
  PressTotals,
  PressVisitDto,
  PressVisitListItem,
  UpdatePressVisitBody,
} from "../../../shared/api/press-visits";
import { api, download, type Query } from "../../api/client";

export type PressVisitInput = z.input<typeof CreatePressVisitBody>;

export const pressVisitsApi = {
  list: (query: Query, signal?: AbortSignal) =>
    api.get<Page<PressVisitListItem>>("/api/press-visits", query, signal),
  totals: (from: string, to: string, signal?: AbortSignal) =>
    api.get<PressTotals>("/api/press-visits/totals", { from, to }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<PressVisitDto>(`/api/press-visits/${id}`, undefined, signal),
  create: (input: PressVisitInput) => api.post<PressVisitDto>("/api/press-visits", input),
  update: (id: string, input: z.input<typeof UpdatePressVisitBody>) =>
    api.patch<PressVisitDto>(`/api/press-visits/${id}`, input),
  remove: (id: string) => api.delete(`/api/press-visits/${id}`),
  erasePersonalData: (id: string) => api.post<PressVisitDto>(`/api/press-visits/${id}/erase-personal-data`),
  coverage: (id: string, signal?: AbortSignal) =>
    api.get<Coverage>(`/api/press-visits/${id}/coverage`, undefined, signal),
  decide: (id: string, itemId: string, decision: "confirmed" | "rejected") =>
    api.post<Coverage>(`/api/press-visits/${id}/coverage`, { itemId, decision }),
  export: (query: Query, format: "csv" | "xlsx") =>
    download("/api/press-visits/export", { ...query, format }, `doan-phong-vien.${format}`),
};
