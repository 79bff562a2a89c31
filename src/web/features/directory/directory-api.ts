import { api } from "../../api/client";
import type {
  Committee,
  CommitteeMember,
  CommitteeRole,
  Person,
  PersonDetail,
  Unit,
  UnitDetail,
  UnitType,
} from "../../api/types";
import type { Option } from "../../components/RemoteSelect";

export interface UnitInput {
  name: string;
  shortName?: string | null;
  type: UnitType;
  parentId?: string | null;
  isActive?: boolean;
}

export interface PersonInput {
  fullName: string;
  honorific?: string | null;
  position?: string | null;
  unitId?: string | null;
  email?: string | null;
  phone?: string | null;
  isActive?: boolean;
}

export interface MemberInput {
  personId?: string;
  role?: CommitteeRole;
  startDate?: string;
  endDate?: string | null;
}

export const directoryApi = {
  getUnit: (id: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/units/${id}`, undefined, signal),
  createUnit: (input: UnitInput) => api.post<Unit>("/api/units", input),
  updateUnit: (id: string, input: Partial<UnitInput>) => api.patch<Unit>(`/api/units/${id}`, input),

  getPerson: (id: string, signal?: AbortSignal) =>
    api.get<PersonDetail>(`/api/people/${id}`, undefined, signal),
  createPerson: (input: PersonInput) => api.post<Person>("/api/people", input),
  updatePerson: (id: string, input: Partial<PersonInput>) => api.patch<Person>(`/api/people/${id}`, input),
  mergePeople: (survivorId: string, duplicateId: string) =>
    api.post<Person>(`/api/people/${survivorId}/merge`, { duplicateId }),

  listCommittees: (signal?: AbortSignal) =>
    api.get<{ items: Committee[] }>("/api/committees", undefined, signal),
  listMembers: (committeeId: string, signal?: AbortSignal) =>
    api.get<{ items: CommitteeMember[] }>(`/api/committees/${committeeId}/members`, undefined, signal),
  addMember: (committeeId: string, input: MemberInput) =>
    api.post<CommitteeMember>(`/api/committees/${committeeId}/members`, input),
  updateMember: (id: string, input: MemberInput) =>
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
