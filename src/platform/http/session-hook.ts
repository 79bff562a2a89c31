/**
 * Runs before every route: builds the request context, resolves the session cookie, enforces the
 * route's permission, and checks CSRF token and Origin on state-changing requests. Policy is checked
 * before the body is validated, so a caller without permission learns nothing about the input shape.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { authErrors } from "../../modules/auth/auth.errors.js";
import type { AuthService } from "../../modules/auth/auth.service.js";
import { mfaErrors } from "../../modules/auth/mfa/mfa.errors.js";
import { commonErrors } from "../errors.js";
import { langFromHeader } from "../i18n/lang.js";
import { assertCan } from "../policy/policy.js";
import type {} from "./types.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface SessionHookOptions {
  auth: AuthService;
  cookieName: string;
  /** Origins accepted on state-changing requests besides the request's own Host. */
  allowedOrigins: string[];
}

function originAllowed(request: FastifyRequest, allowed: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients; the CSRF token still applies
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSessionHook(options: SessionHookOptions) {
  return async function sessionHook(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.ctx = {
      actor: null,
      requestId: request.id,
      ip: request.ip ?? null,
      lang: langFromHeader(request.headers["accept-language"]),
    };
    request.sessionId = null;
    request.csrfToken = null;
    request.mustChangePassword = false;
    request.mustEnrolSecondFactor = false;

    const policy = request.routeOptions.config?.policy;
    // Unknown routes fall through to the not-found handler (404 route_not_found), which reads nothing.
    if (!request.url.startsWith("/api/") || request.is404) return;
    if (!policy) throw commonErrors.forbidden({ meta: { reason: "route without policy" } });

    const token = request.cookies[options.cookieName];
    if (token) {
      const session = await options.auth.resolve(token);
      if (session) {
        request.ctx.actor = session.actor;
        request.sessionId = session.id;
        request.csrfToken = session.csrfToken;
        request.mustChangePassword = session.user.must_change_password === 1;
        request.mustEnrolSecondFactor = session.mustEnrolSecondFactor;
      }
    }
    const isSafe = SAFE_METHODS.has(request.method);
    // Public writes (sign-in) check the Origin too: a foreign page must not sign a browser in (login CSRF).
    if (policy === "public") {
      if (!isSafe && !originAllowed(request, options.allowedOrigins)) throw authErrors.originRejected();
      return;
    }
    // An account on a one-time password may only sign out, read itself and change the password.
    if (
      request.mustChangePassword &&
      request.ctx.actor &&
      !request.routeOptions.config?.allowsPendingPasswordChange
    )
      throw authErrors.passwordChangeRequired();
    // A role that needs a second factor may only enrol one (and sign out, read itself) until it has.
    if (
      request.mustEnrolSecondFactor &&
      request.ctx.actor &&
      !request.routeOptions.config?.allowsPendingSecondFactor
    )
      throw mfaErrors.enrolmentRequired();
    assertCan(request.ctx.actor, policy);
    if (!isSafe) {
      if (!originAllowed(request, options.allowedOrigins)) throw authErrors.originRejected();
      const header = request.headers["x-csrf-token"];
      if (typeof header !== "string" || !request.csrfToken || !sameSecret(header, request.csrfToken))
        throw authErrors.csrfInvalid();
    }
  };
}
