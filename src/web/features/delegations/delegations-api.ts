/** Calls of the delegations register API; the shapes come from the server's schemas (src/shared/api/delegations.ts). */
import type { z } from "zod";
import type {
  Coverage,
  CreateDelegationBody,
  DelegationDto,
  DelegationListItem,
  DelegationStatus,
  UpdateDelegationBody,
} from "../../../shared/api/delegations";
import type { Page } from "../../../shared/api/pagination";
import { api, download, type Query } from "../../api/client";

/** What the form sends: the body before the server applies its defaults. */
export type DelegationInput = z.input<typeof CreateDelegationBody>;

export const delegationsApi = {
  list: (query: Query, signal?: AbortSignal) =>
    api.get<Page<DelegationListItem>>("/api/delegations", query, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<DelegationDto>(`/api/delegations/${id}`, undefined, signal),
  create: (input: DelegationInput) => api.post<DelegationDto>("/api/delegations", input),
  update: (id: string, input: z.input<typeof UpdateDelegationBody>) =>
    api.patch<DelegationDto>(`/api/delegations/${id}`, input),
  changeStatus: (id: string, status: DelegationStatus) =>
    api.post<DelegationDto>(`/api/delegations/${id}/status`, { status }),
  remove: (id: string) => api.delete(`/api/delegations/${id}`),
  coverage: (id: string, signal?: AbortSignal) =>
    api.get<Coverage>(`/api/delegations/${id}/coverage`, undefined, signal),
  decide: (id: string, itemId: string, decision: "confirmed" | "rejected") =>
    api.post<Coverage>(`/api/delegations/${id}/coverage`, { itemId, decision }),
  export: (query: Query, format: "csv" | "xlsx") =>
    download("/api/delegations/export", { ...query, format }, `doan-ra-doan-vao.${format}`),
};
