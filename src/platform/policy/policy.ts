/**
 * The permission policy: one table, enforced on the server for every route.
 *
 * Each API route declares `config: { policy: "<permission>" }`; the HTTP layer refuses to start a
 * route without one, and `test/integration/route-policy.test.ts` walks every route × role against
 * this table. Row-level rules (a member writes only where they or their unit are a party) live in
 * the services and use `canActOn…` helpers.
 */
import type { Actor } from "../context.js";
import { commonErrors } from "../errors.js";
import { ROLES, type Role } from "./roles.js";

const everyone: readonly Role[] = ROLES;

export const PERMISSIONS = {
  /** Open to anyone, signed in or not (login, health). */
  public: "public",
  /** Any signed-in account (own profile, own sessions, password). */
  authenticated: everyone,
  "directory.read": everyone,
  "directory.write": ["admin", "secretariat"],
  /** Members may edit their own person record (row-level check in the service). */
  "directory.person.update": ["admin", "secretariat", "member", "leader"],
  "directory.merge": ["admin", "secretariat"],
  "committee.write": ["admin", "secretariat"],
  "audit.read": ["admin", "secretariat", "leader"],
  "programme.read": everyone,
  /** Upload, review and commit work programmes. */
  "programme.import": ["admin", "secretariat"],
  "programme.write": ["admin", "secretariat"],
  "users.manage": ["admin"],
  /** Follow-up: statuses, check-ins (drafts stay private to their author), dashboards, calendar. */
  "followup.read": everyone,
  /** Download check-in evidence files; row-level: members only of tasks where they or their unit are a party. */
  "followup.evidence.read": ["admin", "secretariat", "leader", "member"],
  /** Report on a task; row-level: members only where they or their unit are a party. */
  "followup.report": ["member", "secretariat", "admin", "leader"],
  /** Confirm, return or reopen check-ins; record due dates; see reminder deliveries. */
  "followup.confirm": ["secretariat", "admin"],
  /** Leaders' comments and directions on tasks. */
  "followup.direct": ["leader", "secretariat", "admin"],
  /** Edit the holiday calendar. */
  "calendar.manage": ["secretariat", "admin"],
  /** Create and edit report drafts, urging notices. */
  "reports.manage": ["secretariat", "admin"],
  "reports.read": ["leader", "secretariat", "admin"],
  /** Media monitoring: items, stories, search, statistics, own saved searches and alerts. */
  "monitoring.read": ["admin", "secretariat", "leader", "member"],
  /** Sources, dictionaries, manual entries, label corrections. */
  "monitoring.manage": ["admin", "secretariat"],
  /** Events calendar: occurrences, lunar dates, own ICS subscriptions. */
  "events.read": everyone,
  /** Create, edit and delete events and their communication plans. */
  "events.manage": ["admin", "secretariat"],
  /** Partners and overseas communities register: partners, agreements, exchanges of information. */
  "partners.read": everyone,
  "partners.manage": ["admin", "secretariat"],
  /** Training courses and entries to the national external-information award. */
  "training.read": everyone,
  "training.manage": ["admin", "secretariat"],
  /** Attach register entries to tasks as evidence; row-level: members and leaders only on tasks they or their unit lead or coordinate. */
  "registers.link": ["admin", "secretariat", "leader", "member"],
  /** Budget proposals register: items, totals, documents; every committee member sees the figures (issue 12). */
  "budget.read": ["member", "leader", "secretariat", "admin"],
  "budget.manage": ["secretariat", "admin"],
  /** Edit a budget proposal and its documents; row-level: members and leaders only of entries attached to tasks they or their unit lead. */
  "budget.edit": ["secretariat", "admin", "leader", "member"],
  /** Visual installations register (pano, màn hình LED): entries and photos. */
  "installations.read": everyone,
  "installations.manage": ["secretariat", "admin"],
  /** Edit an installation and its photos; row-level: members and leaders only of entries attached to tasks they or their unit lead. */
  "installations.edit": ["secretariat", "admin", "leader", "member"],
  /** Delegations register (đoàn ra, đoàn vào): list, entries, coverage. */
  "delegations.read": everyone,
  /** Create and delete delegations, confirm their coverage, import. */
  "delegations.manage": ["admin", "secretariat"],
  /** Edit a delegation and move its status; row-level: members and leaders only of their unit's delegations. */
  "delegations.edit": ["admin", "secretariat", "leader", "member"],
  /** Foreign press visits: groups, outlets, counts and coverage (reporters' names need `press.personal.read`). */
  "press.read": everyone,
  "press.manage": ["admin", "secretariat"],
  /** Reporters' personal data (names, roles): every read is written to the audit journal. */
  "press.personal.read": ["admin", "secretariat"],
  /** Erase a visit's personal data at once (before its retention period ends). */
  "press.personal.erase": ["admin"],
  /** Portal (Cổng Thông tin đối ngoại): content list, items, revisions, categories. */
  "portal.read": ["admin", "secretariat", "leader", "member", "editor", "translator"],
  /** Create items and write the Vietnamese source text. */
  "portal.edit": ["admin", "secretariat", "editor"],
  /** Write and submit translations. */
  "portal.translate": ["admin", "secretariat", "editor", "translator"],
  /** Review (thẩm định) and approve texts; never one's own (checked in the service). */
  "portal.review": ["admin", "secretariat", "leader", "editor"],
  /** Publish, withdraw and schedule. */
  "portal.publish": ["admin", "secretariat", "editor"],
  /** Reach the workflow route: each step then needs its own permission (translate, review, publish). */
  "portal.workflow": ["admin", "secretariat", "leader", "editor", "translator"],
  /** Response cases; row-level: members only on cases assigned to them or their unit. */
  "monitoring.case": ["admin", "secretariat", "member"],
} as const satisfies Record<string, readonly Role[] | "public">;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(PERMISSIONS, value);
}

/** Whether an actor (or an anonymous caller, when null) holds a permission. */
export function can(actor: Actor | null, permission: Permission): boolean {
  const allowed = PERMISSIONS[permission];
  if (allowed === "public") return true;
  if (!actor) return false;
  return actor.roles.some((r) => (allowed as readonly Role[]).includes(r));
}

/**
 * Throws `unauthenticated` or `forbidden` unless the actor holds the permission; returns the actor.
 * Never used with "public" (public routes have no actor to check).
 */
export function assertCan(actor: Actor | null, permission: Exclude<Permission, "public">): Actor {
  if (!actor) throw commonErrors.unauthenticated();
  if (!can(actor, permission)) throw commonErrors.forbidden({ meta: { permission } });
  return actor;
}

/** Roles that may act on anything within a permission without row-level restriction. */
export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
