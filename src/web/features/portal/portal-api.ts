/** Calls of the portal management API; the shapes come from the server's own schemas (src/shared/api/portal*.ts). */
import type { z } from "zod";
import type {
  CategoryListSchema,
  LocalizationBody,
  PortalItem,
  PortalItemPage,
  PortalState,
  RevisionDiff,
  RevisionListSchema,
  ScheduleBody,
  UpdatePortalItemBody,
} from "../../../shared/api/portal";
import type { PortalQueue, PortalQueueKind } from "../../../shared/api/portal-queue";
import type {
  GlossaryTermBody,
  GlossaryTermDto,
  Suggestions,
  TranslationChecks,
} from "../../../shared/api/portal-translation";
import { api, request } from "../../api/client";

type RevisionList = z.infer<typeof RevisionListSchema>;
type CategoryList = z.infer<typeof CategoryListSchema>;

const loc = (id: string, lang: string) => `/api/portal/items/${encodeURIComponent(id)}/localizations/${lang}`;

export const portalApi = {
  get: (id: string, signal?: AbortSignal) =>
    api.get<PortalItem>(`/api/portal/items/${encodeURIComponent(id)}`, undefined, signal),
  /** The list answer carries the enabled languages and the public site's address. */
  meta: (signal?: AbortSignal) => api.get<PortalItemPage>("/api/portal/items", { pageSize: 1 }, signal),
  save: (id: string, lang: string, body: LocalizationBody) =>
    request<PortalItem>("PUT", loc(id, lang), { body }),
  /** Category, tags and other item-wide fields. */
  update: (id: string, body: UpdatePortalItemBody) =>
    api.patch<PortalItem>(`/api/portal/items/${encodeURIComponent(id)}`, body),
  /** Scheduled publication and withdrawal of one language. */
  schedule: (id: string, lang: string, body: ScheduleBody) =>
    api.post<PortalItem>(`${loc(id, lang)}/schedule`, body),
  categories: (signal?: AbortSignal) => api.get<CategoryList>("/api/portal/categories", undefined, signal),
  transition: (id: string, lang: string, to: PortalState) =>
    api.post<PortalItem>(`${loc(id, lang)}/transition`, { to }),
  revisions: (id: string, lang: string, signal?: AbortSignal) =>
    api.get<RevisionList>(`${loc(id, lang)}/revisions`, undefined, signal),
  diff: (id: string, lang: string, from: number, to: number, signal?: AbortSignal) =>
    api.get<RevisionDiff>(`${loc(id, lang)}/revisions/diff`, { from, to }, signal),
  checks: (id: string, lang: string, signal?: AbortSignal) =>
    api.get<TranslationChecks>(`${loc(id, lang)}/checks`, undefined, signal),
  suggestions: (id: string, lang: string, signal?: AbortSignal) =>
    api.get<Suggestions>(`${loc(id, lang)}/suggestions`, undefined, signal),
  queue: (kind: PortalQueueKind, lang: string | undefined, signal?: AbortSignal) =>
    api.get<PortalQueue>("/api/portal/queue", { kind, lang }, signal),
  /** Address of the preview page (HTML, no script): for an iframe or a new tab. */
  previewUrl: (id: string, lang: string) => `/api/portal/items/${encodeURIComponent(id)}/preview/${lang}`,
  glossary: (lang: string | undefined, q: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: GlossaryTermDto[] }>("/api/portal/glossary", { lang, q }, signal),
  createTerm: (body: GlossaryTermBody) => api.post<GlossaryTermDto>("/api/portal/glossary", body),
  updateTerm: (id: string, body: Partial<GlossaryTermBody>) =>
    api.patch<GlossaryTermDto>(`/api/portal/glossary/${encodeURIComponent(id)}`, body),
  deleteTerm: (id: string) => api.delete(`/api/portal/glossary/${encodeURIComponent(id)}`),
};

/** The public address of a text: the portal's configured URL, else its port on this host. */
export function publicHref(site: { url: string | null; port: number }, path: string): string {
  const base = site.url ?? `${window.location.protocol}//${window.location.hostname}:${site.port}`;
  return `${base}${path}`;
}
