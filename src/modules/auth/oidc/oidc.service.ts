/**
 * OpenID Connect sign-in: the start (state, nonce and PKCE verifier kept server-side for ten
 * minutes, single use) and the callback (state taken once, code exchanged, claims mapped to an
 * identity that `ExternalAccountsService` links or holds for approval).
 */
import { createHash } from "node:crypto";
import type { OidcConfig } from "../../../config/sso.config.js";
import type { RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { nowIso } from "../../../platform/ids.js";
import type { Role } from "../../../platform/policy/roles.js";
import { externalErrors } from "../external-accounts.errors.js";
import type { ExternalAccountsRepository } from "../external-accounts.repository.js";
import type { VouchedIdentity } from "../external-accounts.service.js";
import {
  describe,
  isClientRefused,
  type OidcClaims,
  type OidcClient,
  type OidcLogger,
} from "./oidc.client.js";

const STATE_MINUTES = 10;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Values of a claim that may be a string, a list of strings, or absent. */
function claimValues(claims: OidcClaims, name: string): string[] | undefined {
  const v = claims[name];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return undefined;
}

/** Roles a person's claim values map to (each role once). */
export function mapRoles(values: string[], map: Map<string, Role[]>): Role[] {
  return [...new Set(values.flatMap((v) => map.get(v) ?? []))];
}

export function createOidcService<Outcome>(deps: {
  db: Db;
  external: ExternalAccountsRepository;
  client: OidcClient;
  config: OidcConfig;
  scope: string;
  log: OidcLogger;
  signIn: (ctx: RequestContext, who: VouchedIdentity, userAgent: string | null) => Promise<Outcome>;
  recordFailure: (
    ctx: RequestContext,
    input: { provider: "oidc"; who: string | null; reason: string },
  ) => Promise<void>;
}) {
  const { db, external, client, config } = deps;

  /** The identity in the claims, or the claim that is missing. */
  function identityOf(claims: OidcClaims): VouchedIdentity | { missing: string } {
    const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
    if (!email) return { missing: "email" };
    let roles: Role[] | undefined;
    if (config.roleClaim) {
      const values = claimValues(claims, config.roleClaim);
      if (!values) return { missing: config.roleClaim };
      roles = mapRoles(values, config.roleMap);
    }
    const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : email;
    return {
      provider: "oidc",
      subject: claims.sub,
      email,
      isEmailVerified: claims.email_verified === true,
      displayName: name.slice(0, 200),
      roles,
    };
  }

  return {
    /** The provider's authorization URL for a new sign-in. */
    async start(): Promise<URL> {
      const now = nowIso();
      await external.purgeSignInStates(db, now);
      const request = await client.authorizationRequest(deps.scope);
      if (!request) throw externalErrors.methodUnavailable();
      await external.insertSignInState(db, {
        state_hash: sha256(request.state),
        nonce: request.nonce,
        code_verifier: request.codeVerifier,
        created_at: now,
        expires_at: new Date(Date.now() + STATE_MINUTES * 60_000).toISOString(),
      });
      return request.url;
    },

    /** Completes a sign-in from the provider's redirect back to us. */
    async callback(ctx: RequestContext, callbackUrl: URL, userAgent: string | null): Promise<Outcome> {
      const state = callbackUrl.searchParams.get("state");
      const taken = state ? await external.takeSignInState(db, sha256(state)) : undefined;
      if (!state || !taken || taken.expires_at < nowIso()) {
        await deps.recordFailure(ctx, {
          provider: "oidc",
          who: null,
          reason: "unknown_used_or_expired_state",
        });
        throw externalErrors.oidcRejected();
      }
      if (!(await client.check()).isAvailable) throw externalErrors.methodUnavailable();
      let claims: OidcClaims;
      try {
        ({ claims } = await client.exchange(callbackUrl, {
          state,
          nonce: taken.nonce,
          codeVerifier: taken.code_verifier,
        }));
      } catch (err) {
        if (isClientRefused(err)) {
          client.markRefused(
            `the provider refused this client (${describe(err)}): check HAIDANG_OIDC_CLIENT_ID and HAIDANG_OIDC_CLIENT_SECRET`,
          );
          throw externalErrors.methodUnavailable();
        }
        await deps.recordFailure(ctx, { provider: "oidc", who: null, reason: describe(err) });
        throw externalErrors.oidcRejected();
      }
      const who = identityOf(claims);
      if ("missing" in who) {
        deps.log.error(
          `OIDC: thiếu claim "${who.missing}" trong thông tin của nhà cung cấp / the provider sent no "${who.missing}" claim`,
        );
        await deps.recordFailure(ctx, {
          provider: "oidc",
          who: claims.sub,
          reason: `claim_missing:${who.missing}`,
        });
        throw externalErrors.claimMissing();
      }
      return deps.signIn(ctx, who, userAgent);
    },

    /** Where the browser goes after signing out here, to sign out at the provider too. */
    logoutUrl(postLogoutRedirectUri: string): URL | undefined {
      return client.endSessionUrl(postLogoutRedirectUri);
    },
  };
}

export type OidcService<Outcome = unknown> = ReturnType<typeof createOidcService<Outcome>>;
