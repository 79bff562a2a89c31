/**
 * Accounts of people vouched for by the city's identity systems (OpenID Connect, LDAP).
 *
 * An identity (provider + subject) signs in as the account it is linked to. A new identity is linked
 * only by an e-mail its provider verified: to the account with that e-mail, or to a new account for
 * the directory person with that e-mail. Anyone else waits for an administrator, who approves
 * (creating the account) or rejects; nobody ever signs in as an account their e-mail does not match.
 * When the provider's groups map to roles, they are the account's roles at every sign-in.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { Role } from "../../platform/policy/roles.js";
import type { AuditService } from "../audit/audit.service.js";
import { authErrors } from "./auth.errors.js";
import type { AuthRepository, UserRow } from "./auth.repository.js";
import { externalErrors } from "./external-accounts.errors.js";
import type { ExternalAccountsRepository, ExternalIdentityRow } from "./external-accounts.repository.js";

/** What a provider says about the person who just signed in with it. */
export interface VouchedIdentity {
  provider: "oidc" | "ldap";
  subject: string;
  email: string;
  isEmailVerified: boolean;
  displayName: string;
  /** Roles mapped from the provider's groups; undefined when this provider maps none (administrators decide). */
  roles: Role[] | undefined;
}

/** Roles of a new account when the provider maps none. */
const DEFAULT_ROLES: Role[] = ["member"];
/** Stored instead of a password hash: never verifies, so such accounts sign in only through their provider. */
export const NO_PASSWORD = "!external";

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((r) => b.includes(r));

export function createExternalAccountsService<Outcome>(deps: {
  db: Db;
  external: ExternalAccountsRepository;
  auth: AuthRepository;
  audit: AuditService;
  /** The single step after any first factor (`AuthService.completeFirstFactor`): second factor or session. */
  completeFirstFactor: (
    ctx: RequestContext,
    input: { user: UserRow; method: string; userAgent: string | null },
  ) => Promise<Outcome>;
  forgetUser: (userId: string) => void;
}) {
  const { db, external, auth, audit } = deps;

  const present = (row: ExternalIdentityRow) => ({
    provider: row.provider,
    email: row.email,
    displayName: row.display_name,
  });

  /** Records a refused sign-in in the audit journal (its own transaction: the refusal is then thrown). */
  async function auditRefusal(ctx: RequestContext, who: VouchedIdentity, reason: string, entityId?: string) {
    await db.transaction().execute((trx) =>
      audit.record(trx, ctx, {
        entityType: entityId ? "external_identity" : "sign_in",
        entityId: entityId ?? who.provider,
        action: "login_failed",
        after: { method: who.provider, email: who.email, reason },
      }),
    );
  }

  /** Brings a linked account's roles in line with the provider's groups (audited when they change). */
  async function syncRoles(ctx: RequestContext, user: UserRow, roles: Role[] | undefined): Promise<UserRow> {
    if (!roles) return user;
    const before = JSON.parse(user.roles) as Role[];
    if (sameRoles(before, roles)) return user;
    const updated = { ...user, roles: JSON.stringify(roles), updated_at: nowIso() };
    await db.transaction().execute(async (trx) => {
      await auth.updateUser(trx, user.id, { roles: updated.roles, updated_at: updated.updated_at });
      await audit.record(trx, ctx, {
        entityType: "user",
        entityId: user.id,
        action: "update",
        before: { roles: before },
        after: { roles, source: "sso" },
      });
    });
    deps.forgetUser(user.id);
    return updated;
  }

  /** Finds or creates the account a new, verified identity links to; undefined: nobody matches. */
  async function accountFor(ctx: RequestContext, who: VouchedIdentity): Promise<UserRow | undefined> {
    const existing = await auth.findUserByEmail(db, who.email);
    if (existing) return existing;
    const personId = await external.findPersonIdByEmail(db, who.email);
    if (!personId) return undefined;
    const now = nowIso();
    const user: UserRow = {
      id: newId(),
      email: who.email.toLowerCase(),
      display_name: who.displayName,
      password_hash: NO_PASSWORD,
      roles: JSON.stringify(who.roles ?? DEFAULT_ROLES),
      person_id: personId,
      is_active: 1,
      translation_languages: null,
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    };
    await db.transaction().execute(async (trx) => {
      await auth.insertUser(trx, user);
      await audit.record(trx, ctx, {
        entityType: "user",
        entityId: user.id,
        action: "create",
        after: {
          email: user.email,
          displayName: user.display_name,
          roles: JSON.parse(user.roles),
          personId,
          source: who.provider,
        },
      });
    });
    return user;
  }

  return {
    /**
     * Signs in the person a provider vouched for: continues with the account linked to the identity,
     * links a new one by verified e-mail, or records it as pending and refuses.
     */
    async signIn(ctx: RequestContext, who: VouchedIdentity, userAgent: string | null): Promise<Outcome> {
      const now = nowIso();
      if (who.roles && who.roles.length === 0) {
        await auditRefusal(ctx, who, "no_role");
        throw externalErrors.noRole();
      }
      const known = await external.findIdentity(db, who.provider, who.subject);
      let user: UserRow | undefined;
      let identityId: string;
      if (known) {
        identityId = known.id;
        await external.updateIdentity(db, known.id, {
          email: who.email.toLowerCase(),
          email_verified: who.isEmailVerified ? 1 : 0,
          display_name: who.displayName,
          roles: JSON.stringify(who.roles ?? []),
          updated_at: now,
        });
        if (known.status === "pending") throw externalErrors.pendingApproval();
        if (known.status === "rejected" || !known.user_id) {
          await auditRefusal(ctx, who, "rejected", known.id);
          throw externalErrors.rejected();
        }
        user = await auth.findUserById(db, known.user_id);
        if (!user) throw authErrors.userNotFound();
      } else {
        if (!who.isEmailVerified) {
          await auditRefusal(ctx, who, "email_unverified");
          throw externalErrors.emailUnverified();
        }
        user = await accountFor(ctx, who);
        const identity: ExternalIdentityRow = {
          id: newId(),
          provider: who.provider,
          subject: who.subject,
          user_id: user?.id ?? null,
          email: who.email.toLowerCase(),
          email_verified: 1,
          display_name: who.displayName,
          roles: JSON.stringify(who.roles ?? []),
          status: user ? "linked" : "pending",
          created_at: now,
          updated_at: now,
          last_sign_in_at: null,
          decided_by: null,
          decided_at: null,
        };
        identityId = identity.id;
        await db.transaction().execute(async (trx) => {
          await external.insertIdentity(trx, identity);
          await audit.record(trx, ctx, {
            entityType: "external_identity",
            entityId: identity.id,
            action: user ? "link" : "request",
            after: { ...present(identity), userId: identity.user_id },
          });
        });
        if (!user) throw externalErrors.pendingApproval();
      }
      user = await syncRoles(ctx, user, who.roles);
      await external.updateIdentity(db, identityId, { last_sign_in_at: now });
      return deps.completeFirstFactor(ctx, { user, method: who.provider, userAgent });
    },

    async list(
      ctx: RequestContext,
      status: "pending" | "linked" | "rejected",
      page: { limit: number; offset: number },
    ) {
      assertCan(ctx.actor, "users.manage");
      return external.listIdentities(db, status, page);
    },

    /**
     * Approves a pending identity: links it to the account with its e-mail, or creates that account
     * with the roles the administrator chose (the provider's mapped roles when none are given).
     */
    async approve(
      ctx: RequestContext,
      id: string,
      input: { roles?: Role[] | undefined; personId?: string | null | undefined },
    ) {
      const actor = assertCan(ctx.actor, "users.manage");
      return db.transaction().execute(async (trx) => {
        const identity = await external.findIdentityById(trx, id);
        if (!identity) throw externalErrors.identityNotFound();
        if (identity.status !== "pending") throw externalErrors.identityNotPending();
        const now = nowIso();
        let user = await auth.findUserByEmail(trx, identity.email);
        if (!user) {
          const mapped = JSON.parse(identity.roles) as Role[];
          user = {
            id: newId(),
            email: identity.email,
            display_name: identity.display_name,
            password_hash: NO_PASSWORD,
            roles: JSON.stringify(input.roles ?? (mapped.length > 0 ? mapped : DEFAULT_ROLES)),
            person_id: input.personId ?? (await external.findPersonIdByEmail(trx, identity.email)) ?? null,
            is_active: 1,
            translation_languages: null,
            must_change_password: 0,
            failed_logins: 0,
            locked_until: null,
            password_changed_at: now,
            created_at: now,
            updated_at: now,
          };
          await auth.insertUser(trx, user);
          await audit.record(trx, ctx, {
            entityType: "user",
            entityId: user.id,
            action: "create",
            after: {
              email: user.email,
              displayName: user.display_name,
              roles: JSON.parse(user.roles),
              personId: user.person_id,
              source: identity.provider,
            },
          });
        }
        const patch = {
          status: "linked",
          user_id: user.id,
          decided_by: actor.userId,
          decided_at: now,
          updated_at: now,
        };
        await external.updateIdentity(trx, id, patch);
        await audit.record(trx, ctx, {
          entityType: "external_identity",
          entityId: id,
          action: "approve",
          before: { status: "pending" },
          after: { status: "linked", userId: user.id },
        });
        return { ...identity, ...patch };
      });
    },

    async reject(ctx: RequestContext, id: string) {
      const actor = assertCan(ctx.actor, "users.manage");
      return db.transaction().execute(async (trx) => {
        const identity = await external.findIdentityById(trx, id);
        if (!identity) throw externalErrors.identityNotFound();
        if (identity.status !== "pending") throw externalErrors.identityNotPending();
        const now = nowIso();
        const patch = { status: "rejected", decided_by: actor.userId, decided_at: now, updated_at: now };
        await external.updateIdentity(trx, id, patch);
        await audit.record(trx, ctx, {
          entityType: "external_identity",
          entityId: id,
          action: "reject",
          before: { status: "pending" },
          after: { status: "rejected" },
        });
        return { ...identity, ...patch };
      });
    },

    /** Records a failed sign-in the provider itself refused (wrong LDAP password, bad OIDC response). */
    async recordFailure(
      ctx: RequestContext,
      input: { provider: "oidc" | "ldap"; who: string | null; reason: string },
    ) {
      await db.transaction().execute((trx) =>
        audit.record(trx, ctx, {
          entityType: "sign_in",
          entityId: input.provider,
          action: "login_failed",
          after: { method: input.provider, who: input.who, reason: input.reason },
        }),
      );
    },
  };
}

export type ExternalAccountsService<Outcome = unknown> = ReturnType<
  typeof createExternalAccountsService<Outcome>
>;
