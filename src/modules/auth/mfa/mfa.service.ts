/**
 * The second factor with an authenticator app (TOTP) and recovery codes: enrolment, the sign-in's
 * second step, regeneration, turning it off, and an administrator's reset. Codes are accepted once:
 * the last accepted time step is stored and only a later one passes. Wrong codes count as failed
 * sign-ins and are slowed down by the same throttle (see `auth.service.ts`).
 */
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { newId, nowIso } from "../../../platform/ids.js";
import { assertCan } from "../../../platform/policy/policy.js";
import type { AuditService } from "../../audit/audit.service.js";
import { authErrors } from "../auth.errors.js";
import type { AuthRepository, UserRow } from "../auth.repository.js";
import { type AuthService, actorOf, hasSecondFactor, parseRoles } from "../auth.service.js";
import { hashPassword, verifyPassword } from "../password.js";
import { mfaErrors } from "./mfa.errors.js";
import type { MfaRepository } from "./mfa.repository.js";
import { newRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes.js";
import type { SecretBox } from "./secret-box.js";
import { matchTotp, newTotpSecret, otpauthUri, qrCodeDataUrl } from "./totp.js";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Wrong codes one pending sign-in may take before it must start again. */
const MAX_CHALLENGE_ATTEMPTS = 5;
const ISSUER = "Hải Đăng";

export function createMfaService(deps: {
  db: Db;
  mfa: MfaRepository;
  users: AuthRepository;
  auth: AuthService;
  audit: AuditService;
  secrets: SecretBox;
}) {
  const { db, mfa, users, auth, audit, secrets } = deps;

  const isRequiredFor = (user: UserRow) =>
    parseRoles(user.roles).some((r) => auth.policy.mfaRequiredRoles.includes(r));

  async function currentUser(ctx: RequestContext): Promise<UserRow> {
    const actor = assertCan(ctx.actor, "authenticated");
    const user = await users.findUserById(db, actor.userId);
    if (!user) throw authErrors.userNotFound();
    return user;
  }

  async function newRecoveryCodeRows(userId: string, now: string) {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const rows = await Promise.all(
      codes.map(async (code) => ({
        id: newId(),
        user_id: userId,
        code_hash: await hashPassword(code),
        used_at: null,
        created_at: now,
      })),
    );
    return { codes, rows };
  }

  /**
   * Checks a code typed by the user: an authenticator code (accepted once) or an unused recovery
   * code (used up). Returns which kind passed, or null.
   */
  async function acceptCode(user: UserRow, code: string): Promise<"totp" | "recovery" | null> {
    const totp = await mfa.findTotp(db, user.id);
    if (!totp?.confirmed_at) return null;
    const trimmed = code.replace(/\s/g, "");
    if (/^\d{6}$/.test(trimmed)) {
      const step = await matchTotp(secrets.open(totp.secret_enc), trimmed);
      if (step === null || (totp.last_time_step !== null && step <= totp.last_time_step)) return null;
      // Two requests racing with the same code: only one advances the step.
      return (await mfa.advanceTimeStep(db, user.id, step)) ? "totp" : null;
    }
    const normalised = normaliseRecoveryCode(code);
    if (!normalised) return null;
    for (const row of await mfa.unusedRecoveryCodes(db, user.id)) {
      if (await verifyPassword(row.code_hash, normalised)) {
        return (await mfa.spendRecoveryCode(db, row.id, nowIso())) ? "recovery" : null;
      }
    }
    return null;
  }

  return {
    isRequiredFor,

    async status(ctx: RequestContext, session: { mustEnrol: boolean }) {
      const user = await currentUser(ctx);
      const totp = await mfa.findTotp(db, user.id);
      const codes = await mfa.unusedRecoveryCodes(db, user.id);
      const passkeys = await mfa.listPasskeys(db, user.id);
      return {
        isTotpEnrolled: Boolean(totp?.confirmed_at),
        totpConfirmedAt: totp?.confirmed_at ?? null,
        recoveryCodesLeft: totp?.confirmed_at ? codes.length : 0,
        isRequired: isRequiredFor(user),
        mustEnrol: session.mustEnrol,
        passkeys,
      };
    },

    /** Starts (or restarts) enrolment: a new secret, kept unconfirmed until a code proves the app has it. */
    async startTotpEnrolment(ctx: RequestContext) {
      const user = await currentUser(ctx);
      const existing = await mfa.findTotp(db, user.id);
      if (existing?.confirmed_at) throw mfaErrors.alreadyEnrolled();
      const secret = newTotpSecret();
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        await mfa.putPendingTotp(trx, {
          user_id: user.id,
          secret_enc: secrets.seal(secret),
          confirmed_at: null,
          last_time_step: null,
          created_at: now,
        });
        await audit.record(trx, ctx, { entityType: "user", entityId: user.id, action: "totp_enrol" });
      });
      const uri = otpauthUri({ secret, accountName: user.email, issuer: ISSUER });
      return { secret, otpauthUri: uri, qrCodeDataUrl: await qrCodeDataUrl(uri) };
    },

    /**
     * Confirms enrolment with a code from the app; issues the recovery codes (returned once) and
     * marks this session as signed in with both factors.
     */
    async confirmTotp(ctx: RequestContext, sessionId: string, code: string) {
      const user = await currentUser(ctx);
      const totp = await mfa.findTotp(db, user.id);
      if (!totp) throw mfaErrors.notEnrolled();
      if (totp.confirmed_at) throw mfaErrors.alreadyEnrolled();
      await auth.throttleSecondFactor(ctx, user);
      const step = await matchTotp(secrets.open(totp.secret_enc), code);
      if (step === null) {
        await auth.recordSecondFactorFailure(ctx, user);
        throw mfaErrors.invalidCode();
      }
      const now = nowIso();
      const { codes, rows } = await newRecoveryCodeRows(user.id, now);
      await db.transaction().execute(async (trx) => {
        await mfa.confirmTotp(trx, user.id, now, step);
        await mfa.replaceRecoveryCodes(trx, user.id, rows);
        const session = await users.findSession(trx, sessionId);
        if (session && !hasSecondFactor(session.auth_method)) {
          await mfa.setSessionMethod(trx, sessionId, `${session.auth_method ?? "password"}+totp`);
        }
        await audit.record(trx, ctx, { entityType: "user", entityId: user.id, action: "totp_confirm" });
      });
      auth.forgetUser(user.id);
      return { codes };
    },

    /** New recovery codes; the old ones stop working. Needs a current authenticator code. */
    async regenerateRecoveryCodes(ctx: RequestContext, code: string) {
      const user = await currentUser(ctx);
      if (!(await mfa.hasConfirmedTotp(db, user.id))) throw mfaErrors.notEnrolled();
      await auth.throttleSecondFactor(ctx, user);
      if ((await acceptCode(user, code)) !== "totp") {
        await auth.recordSecondFactorFailure(ctx, user);
        throw mfaErrors.invalidCode();
      }
      const now = nowIso();
      const { codes, rows } = await newRecoveryCodeRows(user.id, now);
      await db.transaction().execute(async (trx) => {
        await mfa.replaceRecoveryCodes(trx, user.id, rows);
        await audit.record(trx, ctx, {
          entityType: "user",
          entityId: user.id,
          action: "recovery_codes_regenerate",
        });
      });
      return { codes };
    },

    /** Turns the authenticator off (only where the role does not require it). Needs a current code. */
    async disableTotp(ctx: RequestContext, code: string) {
      const user = await currentUser(ctx);
      if (isRequiredFor(user)) throw mfaErrors.totpRequiredByRole();
      if (!(await mfa.hasConfirmedTotp(db, user.id))) throw mfaErrors.notEnrolled();
      await auth.throttleSecondFactor(ctx, user);
      if (!(await acceptCode(user, code))) {
        await auth.recordSecondFactorFailure(ctx, user);
        throw mfaErrors.invalidCode();
      }
      await db.transaction().execute(async (trx) => {
        await mfa.deleteTotp(trx, user.id);
        await mfa.replaceRecoveryCodes(trx, user.id, []);
        await audit.record(trx, ctx, { entityType: "user", entityId: user.id, action: "totp_disable" });
      });
    },

    /**
     * The sign-in's second step: the pending challenge and a code (authenticator or recovery) open
     * the session. A challenge is single-use, short-lived and dies after a few wrong codes.
     */
    async verifySignIn(
      ctx: RequestContext,
      input: { challengeToken: string; code: string; userAgent: string | null },
    ) {
      const now = nowIso();
      const challengeId = sha256(input.challengeToken);
      const challenge = await mfa.findLiveChallenge(db, challengeId, "second_factor", now);
      const user = challenge?.user_id ? await users.findUserById(db, challenge.user_id) : undefined;
      if (!challenge || !user) throw mfaErrors.challengeExpired();
      await auth.throttleSecondFactor(ctx, user);
      if (challenge.attempts >= MAX_CHALLENGE_ATTEMPTS) throw mfaErrors.challengeExpired();
      const passed = await acceptCode(user, input.code);
      const method = challenge.first_method ?? "password";
      if (!passed) {
        await mfa.countChallengeAttempt(db, challengeId);
        await auth.recordSecondFactorFailure(ctx, user);
        await audit.record(db, ctx, {
          entityType: "user",
          entityId: user.id,
          action: "login_failed",
          after: { method: `${method}+code` },
        });
        throw mfaErrors.invalidCode();
      }
      if (!(await mfa.consumeChallenge(db, challengeId, now))) throw mfaErrors.challengeExpired();
      if (passed === "recovery") {
        await audit.record(
          db,
          { ...ctx, actor: actorOf(user) },
          { entityType: "user", entityId: user.id, action: "recovery_code_use" },
        );
      }
      return auth.openSession(ctx, { user, method: `${method}+${passed}`, userAgent: input.userAgent });
    },

    /**
     * An administrator clears an account's second factor (lost phone): authenticator, recovery codes
     * and passkeys go, and the account's sessions end. A role that requires one enrols again at next sign-in.
     */
    async resetForUser(ctx: RequestContext, userId: string) {
      assertCan(ctx.actor, "users.manage");
      const user = await users.findUserById(db, userId);
      if (!user) throw authErrors.userNotFound();
      const now = nowIso();
      const passkeys = await mfa.listPasskeys(db, user.id);
      const hadTotp = await mfa.hasConfirmedTotp(db, user.id);
      await db.transaction().execute(async (trx) => {
        await mfa.deleteTotp(trx, user.id);
        await mfa.replaceRecoveryCodes(trx, user.id, []);
        await mfa.deleteUserPasskeys(trx, user.id);
        await users.revokeUserSessions(trx, user.id, now);
        await audit.record(trx, ctx, {
          entityType: "user",
          entityId: user.id,
          action: "second_factor_reset",
          before: { hadTotp, passkeys: passkeys.length },
        });
      });
      auth.forgetUser(user.id);
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
