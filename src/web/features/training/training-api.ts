/** Calls of the training register API; the shapes come from the server's own schemas (src/shared/api/training.ts). */
import type { z } from "zod";
import type {
  AwardEntry,
  Course,
  CreateAwardEntryBody,
  CreateCourseBody,
  ParticipantsBody,
  UpdateAwardEntryBody,
  UpdateCourseBody,
} from "../../../shared/api/training";
import { api, download } from "../../api/client";

export type CourseInput = z.input<typeof CreateCourseBody>;
export type AwardEntryInput = z.input<typeof CreateAwardEntryBody>;

export const trainingApi = {
  course: (id: string, signal?: AbortSignal) =>
    api.get<Course>(`/api/training/courses/${id}`, undefined, signal),
  createCourse: (input: CourseInput) => api.post<Course>("/api/training/courses", input),
  updateCourse: (id: string, input: z.input<typeof UpdateCourseBody>) =>
    api.patch<Course>(`/api/training/courses/${id}`, input),
  removeCourse: (id: string) => api.delete(`/api/training/courses/${id}`),
  setParticipants: (id: string, input: ParticipantsBody) =>
    api.post<Course>(`/api/training/courses/${id}/participants`, input),
  addMaterial: (id: string, input: { title?: string; filename: string; contentBase64: string }) =>
    api.post<Course>(`/api/training/courses/${id}/materials`, input),
  removeMaterial: (id: string, materialId: string) =>
    api.delete<Course>(`/api/training/courses/${id}/materials/${materialId}`),
  downloadMaterial: (id: string, material: { id: string; fileName: string }) =>
    download(`/api/training/courses/${id}/materials/${material.id}`, {}, material.fileName),
  exportCourses: (format: "csv" | "xlsx", filter: { q?: string }) =>
    download("/api/training/courses/export", { ...filter, format }, `lop-boi-duong.${format}`),

  award: (id: string, signal?: AbortSignal) =>
    api.get<AwardEntry>(`/api/training/awards/${id}`, undefined, signal),
  createAward: (input: AwardEntryInput) => api.post<AwardEntry>("/api/training/awards", input),
  updateAward: (id: string, input: z.input<typeof UpdateAwardEntryBody>) =>
    api.patch<AwardEntry>(`/api/training/awards/${id}`, input),
  removeAward: (id: string) => api.delete(`/api/training/awards/${id}`),
  exportAwards: (format: "csv" | "xlsx", filter: { q?: string; year?: number; result?: string }) =>
    download("/api/training/awards/export", { ...filter, format }, `giai-thong-tin-doi-ngoai.${format}`),
};
