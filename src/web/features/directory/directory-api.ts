import type { z } from "zod";
import type {
  CreateMemberBody,
  CreatePersonBody,
  CreateUnitBody,
  MergeBody,
  UpdateMemberBody,
  UpdatePersonBody,
  UpdateUnitBody,
} from "../../../shared/api/directory";
import { api } from "../../api/client";
import type { Committee, CommitteeMember, Person, PersonDetail, Unit, UnitDetail } from "../../api/types";
import type { Option } from "../../components/RemoteSelect";

/** Request bodies as the server's schemas accept them (`src/shared/api/directory.ts`). */
export type UnitInput = z.input<typeof CreateUnitBody>;
export type PersonInput = z.input<typeof CreatePersonBody>;
export type NewMemberInput = z.input<typeof CreateMemberBody>;
export type MemberChange = z.input<typeof UpdateMemberBody>;

export const directoryApi = {
  getUnit: (id: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/units/${id}`, undefined, signal),
  createUnit: (input: UnitInput) => api.post<Unit>("/api/units", input),
  updateUnit: (id: string, input: z.input<typeof UpdateUnitBody>) =>
    api.patch<Unit>(`/api/units/${id}`, input),

  getPerson: (id: string, signal?: AbortSignal) =>
    api.get<PersonDetail>(`/api/people/${id}`, undefined, signal),
  createPerson: (input: PersonInput) => api.post<Person>("/api/people", input),
  updatePerson: (id: string, input: z.input<typeof UpdatePersonBody>) =>
    api.patch<Person>(`/api/people/${id}`, input),
  mergePeople: (survivorId: string, duplicateId: string) =>
    api.post<Person>(`/api/people/${survivorId}/merge`, { duplicateId } satisfies z.input<typeof MergeBody>),

  listCommittees: (signal?: AbortSignal) =>
    api.get<{ items: Committee[] }>("/api/committees", undefined, signal),
  listMembers: (committeeId: string, signal?: AbortSignal) =>
    api.get<{ items: CommitteeMember[] }>(`/api/committees/${committeeId}/members`, undefined, signal),
  addMember: (committeeId: string, input: NewMemberInput) =>
    api.post<CommitteeMember>(`/api/committees/${committeeId}/members`, input),
  updateMember: (id: string, input: MemberChange) =>
    api.patch<CommitteeMember>(`/api/committee-members/${id}`, input),
};

/** Option mappers for RemoteSelect (stable references, so the select does not refetch every render). */
export const unitOption = (unit: Unit): Option => ({
  value: unit.id,
  label: unit.shortName ? `${unit.name} (${unit.shortName})` : unit.name,
});

export const personOption = (person: Person): Option => ({
  value: person.id,
  label: [person.fullName, person.position, person.unitName].filter(Boolean).join(" — "),
});
