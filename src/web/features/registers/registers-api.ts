/** Calls of the registers core: entries attached to tasks; shapes from src/shared/api/registers.ts. */
import type {
  LinkRecordBody,
  RecordTask,
  RegisterEntry,
  RegisterKindDto,
  TaskRecord,
  TaskRecordList,
} from "../../../shared/api/registers";
import { api } from "../../api/client";

export type { RecordTask, RegisterEntry, RegisterKindDto, TaskRecord };

export const registersApi = {
  kinds: (signal?: AbortSignal) =>
    api.get<{ items: RegisterKindDto[] }>("/api/registers", undefined, signal).then((r) => r.items),
  searchEntries: (kind: string, q: string, signal?: AbortSignal) =>
    api.get<{ items: RegisterEntry[] }>(`/api/registers/${kind}/entries`, { q }, signal).then((r) => r.items),
  ofTask: (taskId: string, signal?: AbortSignal) =>
    api.get<TaskRecordList>(`/api/tasks/${taskId}/records`, undefined, signal),
  link: (taskId: string, body: LinkRecordBody) => api.post<TaskRecord>(`/api/tasks/${taskId}/records`, body),
  unlink: (taskId: string, linkId: string) => api.delete(`/api/tasks/${taskId}/records/${linkId}`),
  tasksOf: (kind: string, recordId: string, signal?: AbortSignal) =>
    api
      .get<{ items: RecordTask[] }>(`/api/records/${kind}/${recordId}/tasks`, undefined, signal)
      .then((r) => r.items),
};
