/**
 * Passkeys (WebAuthn): several per account, named, removable; sign-in with a discoverable credential
 * and user verification counts as both factors. Ceremony challenges are kept server-side, used once
 * and expire after two minutes. The relying party is the public address (`PUBLIC_URL`); without it,
 * the address the browser used (development).
 */
import { randomBytes } from "node:crypto";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { nowIso } from "../../../platform/ids.js";
import { assertCan } from "../../../platform/policy/policy.js";
import type { AuditService } from "../../audit/audit.service.js";
import { authErrors } from "../auth.errors.js";
import type { AuthRepository } from "../auth.repository.js";
import type { AuthService } from "../auth.service.js";
import { mfaErrors } from "./mfa.errors.js";
import type { MfaRepository } from "./mfa.repository.js";

const CEREMONY_MS = 2 * 60_000;
const RP_NAME = "Hải Đăng";

/** Where the browser is: origin ("https://haidang.example.vn") and RP ID ("haidang.example.vn"). */
export interface RelyingParty {
  origin: string;
  rpId: string;
}

/** The relying party from the configured public address, else from the request's Origin/Host. */
export function relyingPartyOf(
  publicUrl: string | undefined,
  request: { origin?: string; host?: string; protocol: string },
): RelyingParty {
  const base =
    publicUrl ?? request.origin ?? (request.host ? `${request.protocol}://${request.host}` : undefined);
  if (!base) throw mfaErrors.passkeyUnavailable();
  try {
    const url = new URL(base);
    return { origin: url.origin, rpId: url.hostname };
  } catch {
    throw mfaErrors.passkeyUnavailable();
  }
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

export function createPasskeysService(deps: {
  db: Db;
  mfa: MfaRepository;
  users: AuthRepository;
  auth: AuthService;
  audit: AuditService;
}) {
  const { db, mfa, users, auth, audit } = deps;

  async function takeCeremony(ceremonyId: string, kind: "passkey_registration" | "passkey_sign_in") {
    const now = nowIso();
    const row = await mfa.findLiveChallenge(db, ceremonyId, kind, now);
    // Single use: consumed before the answer is checked, so a replay finds nothing.
    if (!row?.challenge || !(await mfa.consumeChallenge(db, ceremonyId, now)))
      throw mfaErrors.challengeExpired();
    return row;
  }

  return {
    async list(ctx: RequestContext) {
      const actor = assertCan(ctx.actor, "authenticated");
      return mfa.listPasskeys(db, actor.userId);
    },

    async registrationOptions(ctx: RequestContext, rp: RelyingParty) {
      const actor = assertCan(ctx.actor, "authenticated");
      const user = await users.findUserById(db, actor.userId);
      if (!user) throw authErrors.userNotFound();
      const existing = await mfa.listPasskeys(db, user.id);
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID: rp.rpId,
        userName: user.email,
        userDisplayName: user.display_name,
        userID: new TextEncoder().encode(user.id),
        attestationType: "none",
        excludeCredentials: existing.map((p) => ({ id: p.id, transports: parseTransports(p.transports) })),
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
        timeout: CEREMONY_MS,
      });
      const ceremonyId = randomBytes(24).toString("base64url");
      await mfa.insertChallenge(db, {
        id: ceremonyId,
        kind: "passkey_registration",
        user_id: user.id,
        challenge: options.challenge,
        first_method: null,
        attempts: 0,
        created_at: nowIso(),
        expires_at: inMs(CEREMONY_MS),
        used_at: null,
      });
      return { ceremonyId, options };
    },

    async register(
      ctx: RequestContext,
      rp: RelyingParty,
      input: { ceremonyId: string; name: string; response: Record<string, unknown> },
    ) {
      const actor = assertCan(ctx.actor, "authenticated");
      const ceremony = await takeCeremony(input.ceremonyId, "passkey_registration");
      if (ceremony.user_id !== actor.userId) throw mfaErrors.challengeExpired();
      let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verified = await verifyRegistrationResponse({
          response: input.response as unknown as RegistrationResponseJSON,
          expectedChallenge: ceremony.challenge ?? "",
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpId,
          requireUserVerification: true,
        });
      } catch {
        throw mfaErrors.passkeyRegistrationFailed();
      }
      if (!verified.verified) throw mfaErrors.passkeyRegistrationFailed();
      const info = verified.registrationInfo;
      if (await mfa.findPasskey(db, info.credential.id)) throw mfaErrors.passkeyRegistrationFailed();
      const now = nowIso();
      const row = {
        id: info.credential.id,
        user_id: actor.userId,
        name: input.name,
        public_key: Buffer.from(info.credential.publicKey).toString("base64url"),
        counter: info.credential.counter,
        transports: JSON.stringify(info.credential.transports ?? []),
        device_type: info.credentialDeviceType,
        backed_up: info.credentialBackedUp ? 1 : 0,
        created_at: now,
        last_used_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await mfa.insertPasskey(trx, row);
        await audit.record(trx, ctx, {
          entityType: "passkey",
          entityId: row.id.slice(0, 32),
          action: "passkey_add",
          after: { userId: actor.userId, name: row.name, deviceType: row.device_type },
        });
      });
      return row;
    },

    async rename(ctx: RequestContext, id: string, name: string) {
      const actor = assertCan(ctx.actor, "authenticated");
      const passkey = await mfa.findPasskey(db, id);
      if (!passkey || passkey.user_id !== actor.userId) throw mfaErrors.passkeyNotFound();
      await db.transaction().execute(async (trx) => {
        await mfa.updatePasskey(trx, id, { name });
        await audit.record(trx, ctx, {
          entityType: "passkey",
          entityId: id.slice(0, 32),
          action: "update",
          before: { name: passkey.name },
          after: { name },
        });
      });
      return { ...passkey, name };
    },

    async remove(ctx: RequestContext, id: string) {
      const actor = assertCan(ctx.actor, "authenticated");
      const passkey = await mfa.findPasskey(db, id);
      if (!passkey || passkey.user_id !== actor.userId) throw mfaErrors.passkeyNotFound();
      await db.transaction().execute(async (trx) => {
        await mfa.deletePasskey(trx, id);
        await audit.record(trx, ctx, {
          entityType: "passkey",
          entityId: id.slice(0, 32),
          action: "passkey_remove",
          before: { userId: actor.userId, name: passkey.name },
        });
      });
    },

    /** Options for signing in with any passkey of this site (discoverable credential, user verification). */
    async signInOptions(rp: RelyingParty) {
      // Anyone may ask for options: spent and expired ceremonies are cleared as new ones come.
      await mfa.pruneChallenges(db, new Date(Date.now() - 60 * 60_000).toISOString());
      const options = await generateAuthenticationOptions({
        rpID: rp.rpId,
        userVerification: "required",
        timeout: CEREMONY_MS,
      });
      const ceremonyId = randomBytes(24).toString("base64url");
      await mfa.insertChallenge(db, {
        id: ceremonyId,
        kind: "passkey_sign_in",
        user_id: null,
        challenge: options.challenge,
        first_method: null,
        attempts: 0,
        created_at: nowIso(),
        expires_at: inMs(CEREMONY_MS),
        used_at: null,
      });
      return { ceremonyId, options };
    },

    /** Signs in with a passkey: both factors at once, so the session opens without a further step. */
    async signIn(
      ctx: RequestContext,
      rp: RelyingParty,
      input: { ceremonyId: string; response: Record<string, unknown>; userAgent: string | null },
    ) {
      const ceremony = await takeCeremony(input.ceremonyId, "passkey_sign_in");
      const response = input.response as unknown as AuthenticationResponseJSON;
      const passkey = typeof response.id === "string" ? await mfa.findPasskey(db, response.id) : undefined;
      const user = passkey ? await users.findUserById(db, passkey.user_id) : undefined;
      if (!passkey || !user) throw mfaErrors.passkeyRejected();
      await auth.throttleSecondFactor(ctx, user);
      let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>> | null = null;
      try {
        verified = await verifyAuthenticationResponse({
          response,
          expectedChallenge: ceremony.challenge ?? "",
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpId,
          credential: {
            id: passkey.id,
            publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
            counter: passkey.counter,
            transports: parseTransports(passkey.transports),
          },
          requireUserVerification: true,
        });
      } catch {
        verified = null;
      }
      if (!verified?.verified || !verified.authenticationInfo.userVerified) {
        await auth.recordSecondFactorFailure(ctx, user);
        await audit.record(db, ctx, {
          entityType: "user",
          entityId: user.id,
          action: "login_failed",
          after: { method: "passkey" },
        });
        throw mfaErrors.passkeyRejected();
      }
      await mfa.updatePasskey(db, passkey.id, {
        counter: verified.authenticationInfo.newCounter,
        last_used_at: nowIso(),
      });
      return auth.openSession(ctx, { user, method: "passkey", userAgent: input.userAgent });
    },
  };
}

function parseTransports(json: string): AuthenticatorTransportName[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is AuthenticatorTransportName => typeof t === "string") : [];
  } catch {
    return [];
  }
}

type AuthenticatorTransportName = "ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb";

export type PasskeysService = ReturnType<typeof createPasskeysService>;
