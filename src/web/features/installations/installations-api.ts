/** Calls of the installations register API; shapes from the server's schemas (src/shared/api/installations.ts). */
import type { z } from "zod";
import type {
  CreateInstallationBody,
  InstallationDetail,
  InstallationDto,
  InstallationPhoto,
  UpdateInstallationBody,
} from "../../../shared/api/installations";
import { api, download } from "../../api/client";

export type InstallationInput = z.input<typeof CreateInstallationBody>;

export const installationsApi = {
  get: (id: string, signal?: AbortSignal) =>
    api.get<InstallationDetail>(`/api/installations/${id}`, undefined, signal),
  create: (input: InstallationInput) => api.post<InstallationDto>("/api/installations", input),
  update: (id: string, input: z.input<typeof UpdateInstallationBody>) =>
    api.patch<InstallationDto>(`/api/installations/${id}`, input),
  remove: (id: string) => api.delete(`/api/installations/${id}`),
  addPhoto: (id: string, input: { filename: string; caption?: string | null; contentBase64: string }) =>
    api.post<InstallationPhoto>(`/api/installations/${id}/photos`, input),
  removePhoto: (id: string, photoId: string) => api.delete(`/api/installations/${id}/photos/${photoId}`),
  export: (format: "csv" | "xlsx", filter: Record<string, string | undefined>) =>
    download("/api/installations/export", { ...filter, format }, `cong-trinh-truc-quan.${format}`),
};
