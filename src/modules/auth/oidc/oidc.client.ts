/**
 * The OpenID Connect provider as this server sees it (openid-client v6): discovery, the
 * authorization URL (code flow + PKCE S256, state, nonce), the code exchange with every ID-token
 * check (signature against the provider's keys, issuer, audience, expiry, nonce) and the
 * provider's logout URL.
 *
 * The provider may be down or refuse this client: then the method reports itself unavailable
 * (logged once per change, rechecked at most every `retryMs`) and nothing else is affected.
 */
import * as oidc from "openid-client";
import type { OidcConfig } from "../../../config/sso.config.js";

export interface MethodStatus {
  isAvailable: boolean;
  /** Why not, for the log and administrators (never shown with secrets). */
  reason?: string;
}

export interface OidcLogger {
  info(msg: string): void;
  error(msg: string): void;
}

/** Claims of the person, from the verified ID token and the user-info endpoint. */
export type OidcClaims = Record<string, unknown> & { sub: string };

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

export function createOidcClient(deps: {
  config: OidcConfig;
  /** `<PUBLIC_URL>/api/auth/oidc/callback`. */
  redirectUri: string;
  log: OidcLogger;
  retryMs?: number;
  timeoutSeconds?: number;
}) {
  const retryMs = deps.retryMs ?? 60_000;
  let configuration: oidc.Configuration | undefined;
  let status: MethodStatus = { isAvailable: false, reason: "not checked yet" };
  let checkedAt = 0;
  let pending: Promise<MethodStatus> | undefined;

  function setStatus(next: MethodStatus) {
    if (next.isAvailable !== status.isAvailable || next.reason !== status.reason) {
      if (next.isAvailable)
        deps.log.info(`OIDC: đăng nhập qua ${deps.config.issuer} sẵn sàng / OIDC sign-in ready`);
      else
        deps.log.error(
          `OIDC: đăng nhập qua ${deps.config.issuer} tạm thời không dùng được / OIDC sign-in unavailable: ${next.reason}`,
        );
    }
    status = next;
    checkedAt = Date.now();
  }

  async function discover(): Promise<MethodStatus> {
    try {
      const issuer = new URL(deps.config.issuer);
      configuration = await oidc.discovery(
        issuer,
        deps.config.clientId,
        { client_secret: deps.config.clientSecret, id_token_signed_response_alg: "RS256" },
        oidc.ClientSecretBasic(deps.config.clientSecret),
        {
          timeout: deps.timeoutSeconds ?? 5,
          // Plain HTTP only for a provider on this machine (development, tests).
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(issuer.protocol === "http:" && isLoopback(issuer) ? [oidc.allowInsecureRequests] : []),
          ],
        },
      );
      setStatus({ isAvailable: true });
    } catch (err) {
      configuration = undefined;
      setStatus({ isAvailable: false, reason: `issuer unreachable or invalid (${describe(err)})` });
    }
    return status;
  }

  /** The method's status, rediscovering when it was down and the last try is older than `retryMs`. */
  async function check(): Promise<MethodStatus> {
    if (status.isAvailable && configuration) return status;
    if (Date.now() - checkedAt < retryMs && checkedAt > 0) return status;
    pending ??= discover().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    check,
    /** The current status without network access (for the sign-in page). */
    current: (): MethodStatus => status,

    /** Marks the client refused by the provider (wrong secret): unavailable until the next recheck. */
    markRefused(reason: string) {
      configuration = undefined;
      setStatus({ isAvailable: false, reason });
    },

    /** A new authorization URL with fresh state, nonce and PKCE verifier (to be kept server-side). */
    async authorizationRequest(scope: string) {
      const s = await check();
      if (!configuration || !s.isAvailable) return undefined;
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: deps.redirectUri,
        scope,
        response_type: "code",
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    /** Exchanges the code in `callbackUrl` and returns the verified claims (ID token, then user info). */
    async exchange(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }) {
      if (!configuration) throw new Error("OIDC provider not discovered");
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("no ID token");
      let claims: OidcClaims = { ...idClaims };
      if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      }
      return { claims, idToken: tokens.id_token };
    },

    /** The provider's logout URL (RP-initiated logout), when it offers one. */
    endSessionUrl(postLogoutRedirectUri: string): URL | undefined {
      if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(configuration, {
        client_id: deps.config.clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/** A short, secret-free description of a failure for the log. */
export function describe(err: unknown): string {
  if (err instanceof oidc.ResponseBodyError)
    return `${err.error}${err.error_description ? `: ${err.error_description}` : ""}`;
  if (err instanceof oidc.AuthorizationResponseError) return err.error;
  if (err instanceof oidc.WWWAuthenticateChallengeError)
    return `${err.status} ${err.cause.map((c) => c.parameters.error ?? c.scheme).join(", ")}`;
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
    return `${err.message}${cause}`.slice(0, 300);
  }
  return String(err).slice(0, 300);
}

/** True when the provider refused this client itself (wrong id or secret), not the person. */
export const isClientRefused = (err: unknown) =>
  (err instanceof oidc.ResponseBodyError &&
    (err.error === "invalid_client" || err.error === "unauthorized_client")) ||
  // A token endpoint refusing HTTP Basic credentials answers 401 with a WWW-Authenticate challenge.
  (err instanceof oidc.WWWAuthenticateChallengeError && err.status === 401);
