/** Calls of the portal's media library API; the shapes come from `src/shared/api/portal-media.ts`. */
import type {
  PortalMedia,
  PortalMediaListQuery,
  PortalMediaPage,
  UpdatePortalMediaBody,
  UploadPortalMediaBody,
} from "../../../shared/api/portal-media";
import { api } from "../../api/client";

const one = (id: string) => `/api/portal/media/${encodeURIComponent(id)}`;

export const portalMediaApi = {
  list: (query: Partial<PortalMediaListQuery>, signal?: AbortSignal) =>
    api.get<PortalMediaPage>("/api/portal/media", query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<PortalMedia>(one(id), undefined, signal),
  upload: (body: UploadPortalMediaBody) => api.post<PortalMedia>("/api/portal/media", body),
  update: (id: string, body: UpdatePortalMediaBody) => api.patch<PortalMedia>(one(id), body),
  remove: (id: string) => api.delete(one(id)),
};
