/** API shapes as the server presents them (see the API contract in the README). */

export const ROLES = ["admin", "secretariat", "leader", "member", "editor", "translator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
  isActive: boolean;
  /** Set after an administrator issued a temporary password. */
  mustChangePassword?: boolean;
}

export interface AuthState {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  isCurrent: boolean;
}

export const UNIT_TYPES = [
  "party_body",
  "committee",
  "department",
  "district",
  "press",
  "armed_forces",
  "mass_organisation",
  "other",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  type: UnitType;
  parentId: string | null;
  parentName: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NameChange {
  name: string;
  shortName?: string | null;
  changedAt: string;
  changedBy: string | null;
}

export interface UnitDetail extends Unit {
  nameHistory: NameChange[];
}

export interface Person {
  id: string;
  fullName: string;
  honorific: string | null;
  position: string | null;
  unitId: string | null;
  unitName: string | null;
  email: string | null;
  phone: string | null;
  isActive: boolean;
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PersonDetail extends Person {
  nameHistory: NameChange[];
}

export interface Committee {
  id: string;
  name: string;
  shortName: string | null;
}

export const COMMITTEE_ROLES = ["head", "deputy_head", "member", "secretariat_member"] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export interface CommitteeMember {
  id: string;
  committeeId: string;
  personId: string;
  personName: string;
  position: string | null;
  unitName: string | null;
  role: CommitteeRole;
  startDate: string;
  endDate: string | null;
}

export interface AuditDiff {
  path: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  /** The kind of record in words, both languages. */
  entityTypeLabel: { vi: string; en: string };
  entityId: string | null;
  /** The record's name ("Nhiệm vụ II.7: …"); null when it no longer exists. */
  entityName: string | null;
  /** The web app's page for the record. */
  entityLink: string | null;
  action: string;
  /** The action in words, both languages. */
  actionLabel: { vi: string; en: string };
  before: unknown;
  after: unknown;
  diff: AuditDiff[];
  requestId: string | null;
  ip: string | null;
}
