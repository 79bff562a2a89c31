/**
 * Table types for Kysely. Portable conventions (same on SQLite and PostgreSQL):
 * ids are text UUIDs, timestamps are ISO-8601 UTC text, calendar dates are `YYYY-MM-DD` text,
 * booleans are integers 0/1, JSON is text. Only the audit journal uses a numeric sequence.
 */
import type { Generated } from "kysely";
import type { ExternalAccountTables } from "../../modules/auth/external-accounts.tables.js";
import type { SecondFactorTables } from "../../modules/auth/mfa/mfa.tables.js";
import type { BudgetTables } from "../../modules/budget/budget.tables.js";
import type { DelegationTables } from "../../modules/delegations/delegations.tables.js";
import type { EventPlanTables } from "../../modules/events/communication-plans.tables.js";
import type { EventTables } from "../../modules/events/events.tables.js";
import type { FollowUpTables } from "../../modules/follow-up/follow-up.tables.js";
import type { ImportOcrTables } from "../../modules/import/import-ocr.tables.js";
import type { InstallationTables } from "../../modules/installations/installations.tables.js";
import type { MonitoringTables } from "../../modules/monitoring/monitoring.tables.js";
import type { PartnerTables } from "../../modules/partners/partners.tables.js";
import type { PortalMediaTables } from "../../modules/portal/media/media.tables.js";
import type { PortalTables } from "../../modules/portal/portal.tables.js";
import type { PortalTranslationTables } from "../../modules/portal/translation/translation.tables.js";
import type { PressVisitTables } from "../../modules/press-visits/press-visits.tables.js";
import type { ProgrammeTables } from "../../modules/programmes/programmes.tables.js";
import type { RegisterTables } from "../../modules/registers/registers.tables.js";
import type { TrainingTables } from "../../modules/training/training.tables.js";
import type { FileTables } from "../files/files.tables.js";
import type { JobTables } from "../jobs/jobs.tables.js";

export interface UnitTable {
  id: string;
  name: string;
  short_name: string | null;
  /** Folded name and short name ("so ngoai vu sng") for accent-insensitive search and matching. */
  folded_name: string;
  type: string;
  parent_id: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitNameTable {
  id: string;
  unit_id: string;
  name: string;
  short_name: string | null;
  changed_at: string;
  changed_by: string | null;
}

export interface PersonTable {
  id: string;
  full_name: string;
  /** Lower-case, accent- and đ-folded full name for matching and search. */
  folded_name: string;
  honorific: string | null;
  position: string | null;
  unit_id: string | null;
  email: string | null;
  phone: string | null;
  is_active: number;
  merged_into_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonNameTable {
  id: string;
  person_id: string;
  full_name: string;
  changed_at: string;
  changed_by: string | null;
}

export interface CommitteeTable {
  id: string;
  name: string;
  short_name: string | null;
  unit_id: string | null;
  created_at: string;
}

export interface CommitteeMemberTable {
  id: string;
  committee_id: string;
  person_id: string;
  role: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** JSON array of role names. */
  roles: string;
  person_id: string | null;
  is_active: number;
  /** JSON array of portal languages the account may translate/review; null: not restricted. */
  translation_languages: string | null;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  /** How the session was opened: "password", "password+totp", "passkey"...; null before 0021. */
  auth_method: string | null;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  ip: string;
  at: string;
  success: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  diff_json: string;
  request_id: string | null;
  ip: string | null;
}

export interface PlatformTables {
  units: UnitTable;
  unit_names: UnitNameTable;
  people: PersonTable;
  person_names: PersonNameTable;
  committees: CommitteeTable;
  committee_members: CommitteeMemberTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
}

/**
 * The whole database. Modules add their tables by extending this interface in their own
 * `*.tables.ts` file and listing them here.
 */
export interface Database
  extends PlatformTables,
    JobTables,
    ExternalAccountTables,
    FileTables,
    ProgrammeTables,
    ImportOcrTables,
    FollowUpTables,
    MonitoringTables,
    SecondFactorTables,
    EventTables,
    DelegationTables,
    PressVisitTables,
    EventPlanTables,
    BudgetTables,
    InstallationTables,
    PartnerTables,
    TrainingTables,
    PortalTables,
    PortalTranslationTables,
    PortalMediaTables,
    RegisterTables {}
