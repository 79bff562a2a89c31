/**
 * API shapes as the server presents them, inferred from the Zod schemas in `src/shared/api/` that the
 * server validates and documents with: the web app cannot drift from the server.
 */
import type { z } from "zod";
import type {
  CreatedUserSchema,
  LoginResponse,
  SessionSchema,
  TemporaryPasswordSchema,
  UserSchema,
} from "../../shared/api/accounts";
import type { AuditEntrySchema } from "../../shared/api/audit";
import type {
  CommitteeSchema,
  MemberSchema,
  NameHistoryEntry,
  PersonDetailSchema,
  PersonSchema,
  UnitDetailSchema,
  UnitSchema,
} from "../../shared/api/directory";

export { ROLES, type Role } from "../../shared/api/accounts";
export { COMMITTEE_ROLES, UNIT_TYPES } from "../../shared/api/directory";
export type { Page } from "../../shared/api/pagination";

export type User = z.infer<typeof UserSchema>;
/** A new account, and its one-time password when the server made one up. */
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
/** A reset account's one-time password. */
export type TemporaryPassword = z.infer<typeof TemporaryPasswordSchema>;
export type AuthState = z.infer<typeof LoginResponse>;
export type Session = z.infer<typeof SessionSchema>;

export type UnitType = Unit["type"];
export type Unit = z.infer<typeof UnitSchema>;
export type NameChange = z.infer<typeof NameHistoryEntry>;
export type UnitDetail = z.infer<typeof UnitDetailSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type PersonDetail = z.infer<typeof PersonDetailSchema>;
export type Committee = z.infer<typeof CommitteeSchema>;
export type CommitteeRole = CommitteeMember["role"];
export type CommitteeMember = z.infer<typeof MemberSchema>;

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditDiff = AuditEntry["diff"][number];
