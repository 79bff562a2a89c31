/** Calls of the portal management API; the shapes come from the server's own schemas (src/shared/api/portal.ts). */
import type { PortalItem, PortalState } from "../../../shared/api/portal";
import { api } from "../../api/client";

export const portalApi = {
  get: (id: string, signal?: AbortSignal) =>
    api.get<PortalItem>(`/api/portal/items/${id}`, undefined, signal),
  transition: (id: string, lang: string, to: PortalState) =>
    api.post<PortalItem>(`/api/portal/items/${id}/localizations/${lang}/transition`, { to }),
};

/** The public address of a text: the portal's configured URL, else its port on this host. */
export function publicHref(site: { url: string | null; port: number }, path: string): string {
  const base = site.url ?? `${window.location.protocol}//${window.location.hostname}:${site.port}`;
  return `${base}${path}`;
}
