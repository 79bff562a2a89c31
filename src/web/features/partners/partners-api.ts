/** Calls of the partners register API; the shapes come from the server's own schemas (src/shared/api/partners.ts). */
import type { z } from "zod";
import type {
  ActivityBody,
  AgreementBody,
  ContactBody,
  CreatePartnerBody,
  ExchangeBody,
  Partner,
  PartnerExchange,
  UpdatePartnerBody,
} from "../../../shared/api/partners";
import { api, download } from "../../api/client";

export type PartnerInput = z.input<typeof CreatePartnerBody>;

export const partnersApi = {
  get: (id: string, signal?: AbortSignal) => api.get<Partner>(`/api/partners/${id}`, undefined, signal),
  create: (input: PartnerInput) => api.post<Partner>("/api/partners", input),
  update: (id: string, input: z.input<typeof UpdatePartnerBody>) =>
    api.patch<Partner>(`/api/partners/${id}`, input),
  remove: (id: string) => api.delete(`/api/partners/${id}`),
  addContact: (id: string, input: z.input<typeof ContactBody>) =>
    api.post<Partner>(`/api/partners/${id}/contacts`, input),
  addAgreement: (id: string, input: z.input<typeof AgreementBody>) =>
    api.post<Partner>(`/api/partners/${id}/agreements`, input),
  addActivity: (id: string, input: z.input<typeof ActivityBody>) =>
    api.post<Partner>(`/api/partners/${id}/activities`, input),
  addExchange: (id: string, input: z.input<typeof ExchangeBody>) =>
    api.post<Partner>(`/api/partners/${id}/exchanges`, input),
  removeItem: (id: string, list: "contacts" | "agreements" | "activities" | "exchanges", itemId: string) => {
    const paths = {
      contacts: `/api/partners/${id}/contacts/${itemId}`,
      agreements: `/api/partners/${id}/agreements/${itemId}`,
      activities: `/api/partners/${id}/activities/${itemId}`,
      exchanges: `/api/partners/${id}/exchanges/${itemId}`,
    };
    return api.delete<Partner>(paths[list]);
  },
  downloadExchangeFile: (id: string, exchange: PartnerExchange) =>
    download(`/api/partners/${id}/exchanges/${exchange.id}/file`, {}, exchange.file?.name ?? "tep"),
  export: (format: "csv" | "xlsx", filter: { q?: string; kind?: string; country?: string }) =>
    download("/api/partners/export", { ...filter, format }, `doi-tac.${format}`),
};
