/**
 * Sign-in, sessions and passwords.
 *
 * Sessions live in the database; the cookie holds a random token and the database only its SHA-256.
 * Each session has its own CSRF token (synchronizer pattern), required on every state-changing request.
 * Failed sign-ins slow down further tries with growing waits, per account and per client address
 * (see `throttle` and `docs/decisions/0005-sign-in-throttling.md`).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Actor, RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { newId, nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { Role } from "../../platform/policy/roles.js";
import type { AuditService } from "../audit/audit.service.js";
import { authErrors } from "./auth.errors.js";
import type { AuthRepository, UserRow } from "./auth.repository.js";
import type { MfaRepository } from "./mfa/mfa.repository.js";
import { hashPassword, timingSafeDummyVerify, verifyPassword } from "./password.js";
import { createSessionCache, type SessionCache } from "./session-cache.js";

export interface AuthPolicy {
  sessionHours: number;
  /** Failed sign-ins on one account (in its scope, see below) before each further try must wait. */
  accountFreeFailures: number;
  /** The first wait on an account; it doubles with every further failure. */
  accountDelaySeconds: number;
  /** Failures older than this no longer count against an account. */
  accountWindowMinutes: number;
  /** Failed sign-ins from one address before each further try from it must wait. */
  addressFreeFailures: number;
  /** The first wait on an address; it doubles with every further failure. */
  addressDelaySeconds: number;
  addressWindowMinutes: number;
  /** No wait grows beyond this. */
  maxDelaySeconds: number;
  /** An address the account signed in from within this many days is its own: others' failures don't count there. */
  knownAddressDays: number;
  /** How long a resolved session may be reused without a database lookup (0 disables). */
  sessionCacheMs: number;
  /** Roles that must sign in with a second factor (`HAIDANG_MFA_REQUIRED_ROLES`). */
  mfaRequiredRoles: Role[];
  /** How long a sign-in may wait for its second factor. */
  secondFactorMinutes: number;
}

/** See `docs/decisions/0005-sign-in-throttling.md`. */
export const defaultAuthPolicy: AuthPolicy = {
  sessionHours: 12,
  accountFreeFailures: 5,
  accountDelaySeconds: 60,
  accountWindowMinutes: 24 * 60,
  addressFreeFailures: 20,
  addressDelaySeconds: 10,
  addressWindowMinutes: 60,
  maxDelaySeconds: 15 * 60,
  knownAddressDays: 180,
  sessionCacheMs: 5_000,
  mfaRequiredRoles: [],
  secondFactorMinutes: 5,
};

/**
 * How a session was opened: the first factor ("password", "oidc", "ldap"), "+totp" or "+recovery"
 * when a second factor followed, or "passkey" (a passkey with user verification is both factors).
 */
export type SignInMethod = string;

/** True when the sign-in method includes a second factor. */
export const hasSecondFactor = (method: SignInMethod | null): boolean =>
  method === "passkey" || (method?.includes("+") ?? false);

/** What a passed first factor leads to: a session, or a pending second-factor step. */
export type FirstFactorOutcome =
  | { kind: "session"; token: string; csrfToken: string; user: UserRow }
  | { kind: "second_factor"; challengeToken: string; user: UserRow };

export interface LiveSession {
  id: string;
  csrfToken: string;
  actor: Actor;
  user: UserRow;
  /** The account's role needs a second factor this session was opened without: enrolment comes first. */
  mustEnrolSecondFactor: boolean;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const minutesFrom = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
// Touch the session row at most once a minute: reads stay reads.
const TOUCH_INTERVAL_MS = 60_000;

export function parseRoles(json: string): Role[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v.filter((r) => typeof r === "string") as Role[]) : [];
  } catch {
    return [];
  }
}

/** The stored list of assigned portal languages; null when never set (not restricted). */
export function parseLanguageList(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((l): l is string => typeof l === "string") : [];
  } catch {
    return [];
  }
}

export function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    displayName: user.display_name,
    roles: parseRoles(user.roles),
    personId: user.person_id,
    translationLanguages: parseLanguageList(user.translation_languages),
  };
}

/** Password rule: at least 10 characters, letters and digits. */
export function assertStrongPassword(password: string): void {
  if (password.length < 10 || !/\p{L}/u.test(password) || !/\d/.test(password))
    throw authErrors.weakPassword();
}

export function createAuthService(deps: {
  db: Db;
  auth: AuthRepository;
  audit: AuditService;
  /** Second-factor state (TOTP enrolment, pending challenges). */
  mfa: MfaRepository;
  policy?: Partial<AuthPolicy>;
  sessionCache?: SessionCache<LiveSession>;
}) {
  const policy = { ...defaultAuthPolicy, ...deps.policy };
  const { db, auth, audit, mfa } = deps;
  const cache =
    deps.sessionCache ?? createSessionCache<LiveSession>({ ttlMs: policy.sessionCacheMs, max: 10_000 });

  /** Seconds still to wait after `failures` failures, the last at `lastAt` (0: may try now). */
  function waitSeconds(
    stats: { failures: number; lastAt: string | null },
    free: number,
    baseSeconds: number,
    now: string,
  ): number {
    if (stats.failures < free || !stats.lastAt) return 0;
    const delay = Math.min(policy.maxDelaySeconds, baseSeconds * 2 ** (stats.failures - free));
    return Math.max(0, Math.ceil(delay - (Date.parse(now) - Date.parse(stats.lastAt)) / 1000));
  }

  /**
   * Refuses a sign-in that comes too soon after repeated failures, with the same answer whether the
   * account exists or not. Failures count per address and per account; on an address the account
   * has signed in from before, only that address's own failures count against the account, so a
   * stranger elsewhere cannot keep its owner out. Returns whether the address is a known one.
   */
  async function throttle(email: string, ip: string, user: UserRow | undefined, now: string) {
    const isKnownAddress = await auth.hasSignedInFrom(
      db,
      email,
      ip,
      minutesFrom(now, -policy.knownAddressDays * 24 * 60),
    );
    const byAddress = await auth.failureStats(db, { ip }, minutesFrom(now, -policy.addressWindowMinutes));
    // Failures against an earlier password (before an administrator reset it) no longer count.
    const accountWindow = minutesFrom(now, -policy.accountWindowMinutes);
    const since = user && user.password_changed_at > accountWindow ? user.password_changed_at : accountWindow;
    const byAccount = await auth.failureStats(db, isKnownAddress ? { email, ip } : { email }, since, {
      sinceLastSuccess: true,
    });
    const wait = Math.max(
      waitSeconds(byAddress, policy.addressFreeFailures, policy.addressDelaySeconds, now),
      waitSeconds(byAccount, policy.accountFreeFailures, policy.accountDelaySeconds, now),
    );
    if (wait > 0) {
      throw authErrors.tooManyAttempts({
        meta: { retryAfterSeconds: wait },
        vi: `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${wait} giây`,
        en: `Too many failed sign-ins; try again in ${wait} seconds`,
      });
    }
    return { isKnownAddress, accountFailures: byAccount.failures };
  }

  /**
   * Opens a session for an account whose sign-in is complete, recording the success (it ends the
   * account's run of failures) and auditing it with its method.
   */
  async function openSession(
    ctx: RequestContext,
    input: { user: UserRow; method: SignInMethod; userAgent: string | null },
  ): Promise<{ token: string; csrfToken: string; user: UserRow }> {
    const { user } = input;
    if (!user.is_active) throw authErrors.accountDisabled();
    const now = nowIso();
    const ip = ctx.ip ?? "unknown";
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const sessionId = sha256(token);
    const actor = actorOf(user);
    await db.transaction().execute(async (trx) => {
      await auth.insertSession(trx, {
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: minutesFrom(now, policy.sessionHours * 60),
        ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        revoked_at: null,
        auth_method: input.method,
      });
      await auth.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
      await auth.recordAttempt(trx, user.email, ip, now, true);
      await audit.record(
        trx,
        { ...ctx, actor },
        {
          entityType: "session",
          entityId: sessionId.slice(0, 16),
          action: "login",
          after: { method: input.method },
        },
      );
    });
    return { token, csrfToken, user };
  }

  /**
   * The one step after any first factor (password, OIDC, LDAP): an account with a confirmed
   * authenticator gets a pending second-factor challenge (its token goes back to the browser),
   * any other a session. A role that requires a second factor without one enrolled still gets a
   * session, but the session hook lets it do nothing but enrol (see `mustEnrolSecondFactor`).
   */
  async function completeFirstFactor(
    ctx: RequestContext,
    input: { user: UserRow; method: SignInMethod; userAgent: string | null },
  ): Promise<FirstFactorOutcome> {
    const { user } = input;
    if (!user.is_active) throw authErrors.accountDisabled();
    if (await mfa.hasConfirmedTotp(db, user.id)) {
      const now = nowIso();
      const challengeToken = randomBytes(32).toString("base64url");
      await mfa.insertChallenge(db, {
        id: sha256(challengeToken),
        kind: "second_factor",
        user_id: user.id,
        challenge: null,
        first_method: input.method,
        attempts: 0,
        created_at: now,
        expires_at: minutesFrom(now, policy.secondFactorMinutes),
        used_at: null,
      });
      return { kind: "second_factor", challengeToken, user };
    }
    return { kind: "session", ...(await openSession(ctx, input)) };
  }

  const requiresSecondFactor = (user: UserRow) =>
    parseRoles(user.roles).some((r) => policy.mfaRequiredRoles.includes(r));

  return {
    policy,
    /** True when the account's role must sign in with a second factor. */
    requiresSecondFactor,

    /** Checks the password and opens a session. Returns the cookie token (never stored) and the CSRF token. */
    async login(ctx: RequestContext, input: { email: string; password: string; userAgent: string | null }) {
      const now = nowIso();
      const ip = ctx.ip ?? "unknown";
      const email = input.email.trim().toLowerCase();
      const user = await auth.findUserByEmail(db, email);
      const { isKnownAddress, accountFailures } = await throttle(email, ip, user, now);
      if (!user) {
        await timingSafeDummyVerify(input.password);
        await auth.recordAttempt(db, email, ip, now, false);
        throw authErrors.invalidCredentials();
      }
      const ok = await verifyPassword(user.password_hash, input.password);
      if (!ok) {
        // The audit notes when an account starts to be slowed down (never told to the caller).
        const startsDelay = !isKnownAddress && accountFailures + 1 === policy.accountFreeFailures;
        await db.transaction().execute(async (trx) => {
          await auth.recordAttempt(trx, email, ip, now, false);
          await audit.record(trx, ctx, {
            entityType: "user",
            entityId: user.id,
            action: "login_failed",
            after: { method: "password" },
          });
          if (startsDelay) {
            await audit.record(trx, ctx, {
              entityType: "user",
              entityId: user.id,
              action: "lock",
              after: { delaySeconds: policy.accountDelaySeconds },
            });
          }
        });
        throw authErrors.invalidCredentials();
      }
      return completeFirstFactor(ctx, { user, method: "password", userAgent: input.userAgent });
    },

    completeFirstFactor,
    openSession,

    /** Refuses a second-factor try that comes too soon after repeated failures (same waits as sign-in). */
    async throttleSecondFactor(ctx: RequestContext, user: UserRow): Promise<void> {
      await throttle(user.email, ctx.ip ?? "unknown", user, nowIso());
    },

    /** Counts a wrong second-factor code as a failed sign-in of the account. */
    async recordSecondFactorFailure(ctx: RequestContext, user: UserRow): Promise<void> {
      await auth.recordAttempt(db, user.email, ctx.ip ?? "unknown", nowIso(), false);
    },

    /** Resolves a cookie token to a live session, sliding its expiry. */
    async resolve(token: string): Promise<LiveSession | undefined> {
      const tokenHash = sha256(token);
      const cached = cache.get(tokenHash);
      if (cached) return cached;
      const now = nowIso();
      const found = await auth.findLiveSession(db, tokenHash, now);
      if (!found) return undefined;
      if (Date.parse(now) - Date.parse(found.session.last_seen_at) > TOUCH_INTERVAL_MS) {
        await auth.touchSession(db, found.session.id, now, minutesFrom(now, policy.sessionHours * 60));
      }
      const live = {
        id: found.session.id,
        csrfToken: found.session.csrf_token,
        actor: actorOf(found.user),
        user: found.user,
        mustEnrolSecondFactor:
          requiresSecondFactor(found.user) && !hasSecondFactor(found.session.auth_method),
      };
      cache.set(tokenHash, found.user.id, live);
      return live;
    },

    /** Drops cached sessions of a user after a change to the account (roles, status, password). */
    forgetUser(userId: string) {
      cache.evictUser(userId);
    },

    async logout(ctx: RequestContext, sessionId: string) {
      await db.transaction().execute(async (trx) => {
        await auth.revokeSession(trx, sessionId, nowIso());
        await audit.record(trx, ctx, {
          entityType: "session",
          entityId: sessionId.slice(0, 16),
          action: "logout",
        });
      });
      cache.evict(sessionId);
    },

    async changePassword(
      ctx: RequestContext,
      sessionId: string,
      input: { currentPassword: string; newPassword: string },
    ) {
      const actor = assertCan(ctx.actor, "authenticated");
      const user = await auth.findUserById(db, actor.userId);
      if (!user) throw authErrors.userNotFound();
      if (!(await verifyPassword(user.password_hash, input.currentPassword)))
        throw authErrors.wrongCurrentPassword();
      assertStrongPassword(input.newPassword);
      const hashed = await hashPassword(input.newPassword);
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        await auth.updateUser(trx, user.id, {
          password_hash: hashed,
          password_changed_at: now,
          must_change_password: 0,
          updated_at: now,
        });
        // Other devices must sign in again with the new password.
        await auth.revokeUserSessions(trx, user.id, now, sessionId);
        await audit.record(trx, ctx, { entityType: "user", entityId: user.id, action: "password_change" });
      });
      cache.evictUser(user.id);
    },

    async currentUser(ctx: RequestContext): Promise<UserRow> {
      const actor = assertCan(ctx.actor, "authenticated");
      const user = await auth.findUserById(db, actor.userId);
      if (!user) throw authErrors.userNotFound();
      return user;
    },

    async listSessions(ctx: RequestContext) {
      const actor = assertCan(ctx.actor, "authenticated");
      return auth.listSessions(db, actor.userId, nowIso());
    },

    /** Revokes one of the caller's own sessions. */
    async revokeSession(ctx: RequestContext, sessionId: string) {
      const actor = assertCan(ctx.actor, "authenticated");
      const session = await auth.findSession(db, sessionId);
      if (!session || session.user_id !== actor.userId || session.revoked_at)
        throw authErrors.sessionNotFound();
      await db.transaction().execute(async (trx) => {
        await auth.revokeSession(trx, sessionId, nowIso());
        await audit.record(trx, ctx, {
          entityType: "session",
          entityId: sessionId.slice(0, 16),
          action: "revoke",
        });
      });
      cache.evict(sessionId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** New user row with a hashed password (used by the users service, the CLI and the first-run setup). */
export async function buildUserRow(input: {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  personId?: string | null;
  mustChangePassword?: boolean;
}): Promise<UserRow> {
  const now = nowIso();
  return {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    roles: JSON.stringify(input.roles),
    person_id: input.personId ?? null,
    is_active: 1,
    translation_languages: null,
    must_change_password: input.mustChangePassword ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  };
}
