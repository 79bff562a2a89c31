/**
 * Sign-in through the city's identity systems: which methods are available, the OpenID Connect
 * round trip (start → provider → callback, then the provider's logout), LDAP sign-in, and the
 * administrators' list of pending accounts with approve / reject.
 */
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import { pageOf, toLimitOffset } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import {
  ApproveExternalIdentityBody,
  ExternalIdentityPageSchema,
  ExternalIdentityParams,
  ExternalIdentityQuery,
  ExternalIdentitySchema,
  LdapLoginBody,
  OidcCallbackQuery,
  SignInMethodsSchema,
} from "../../shared/api/external-accounts.js";
import { SignInResultSchema } from "../../shared/api/mfa.js";
import { presentUser } from "../users/users.presenter.js";
import type { UserRow } from "./auth.repository.js";
import { externalErrors } from "./external-accounts.errors.js";
import { presentExternalIdentity } from "./external-accounts.presenter.js";
import type { ExternalAccountsService } from "./external-accounts.service.js";
import type { LdapClient } from "./ldap/ldap.client.js";
import type { LdapService } from "./ldap/ldap.service.js";
import type { OidcClient } from "./oidc/oidc.client.js";
import type { OidcService } from "./oidc/oidc.service.js";

/** What `AuthService.completeFirstFactor` leads to. */
export type SignInOutcome =
  | { kind: "session"; token: string; csrfToken: string; user: UserRow }
  | { kind: "second_factor"; challengeToken: string; user: UserRow };

const tags = ["auth"];
/** A browser redirect (Location header), no body. */
const Redirect = z.null().describe("Chuyển hướng trình duyệt / browser redirect (Location)");
const manage = { policy: "users.manage" } as const;

export function registerExternalAccountsRoutes(
  app: App,
  deps: {
    accounts: ExternalAccountsService<SignInOutcome>;
    oidc: { service: OidcService<SignInOutcome>; client: OidcClient } | undefined;
    ldap: { service: LdapService<SignInOutcome>; client: LdapClient } | undefined;
    requiresSecondFactor: (user: UserRow) => boolean;
    cookieName: string;
    isHttps: boolean;
    sessionHours: number;
    /** PUBLIC_URL: where the provider sends the browser back. */
    publicUrl: string;
  },
) {
  const { accounts, oidc, ldap } = deps;
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.isHttps,
    maxAge: deps.sessionHours * 3600,
  };
  const base = deps.publicUrl.replace(/\/+$/, "");
  const loginPage = (code?: string) => `${base}/login${code ? `?sso_error=${encodeURIComponent(code)}` : ""}`;

  app.get(
    "/api/auth/methods",
    {
      config: { policy: "public" },
      schema: {
        operationId: "listSignInMethods",
        tags,
        summary: "Các cách đăng nhập / Sign-in methods",
        response: { 200: SignInMethodsSchema },
      },
    },
    async () => ({
      oidc: { isConfigured: !!oidc, isAvailable: oidc ? (await oidc.client.check()).isAvailable : false },
      ldap: { isConfigured: !!ldap, isAvailable: ldap ? (await ldap.client.check()).isAvailable : false },
    }),
  );

  app.get(
    "/api/auth/oidc/start",
    {
      config: { policy: "public" },
      schema: {
        operationId: "startOidcSignIn",
        tags,
        summary: "Bắt đầu đăng nhập SSO (chuyển đến nhà cung cấp) / Start SSO sign-in (redirect)",
        response: { 303: Redirect },
      },
    },
    async (_request, reply) => {
      if (!oidc) return reply.redirect(loginPage("sign_in_method_not_configured"), 303);
      try {
        return reply.redirect((await oidc.service.start()).href, 303);
      } catch (err) {
        if (err instanceof AppError) return reply.redirect(loginPage(err.code), 303);
        throw err;
      }
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    {
      config: { policy: "public" },
      schema: {
        operationId: "finishOidcSignIn",
        tags,
        summary: "Trở về từ nhà cung cấp SSO / Return from the SSO provider",
        response: { 303: Redirect },
        querystring: OidcCallbackQuery,
      },
    },
    async (request, reply) => {
      if (!oidc) return reply.redirect(loginPage("sign_in_method_not_configured"), 303);
      try {
        const callbackUrl = new URL(request.url, base);
        const outcome = await oidc.service.callback(
          request.ctx,
          callbackUrl,
          request.headers["user-agent"] ?? null,
        );
        // The second step's token travels in the fragment: never sent to a server, never logged.
        if (outcome.kind === "second_factor")
          return reply.redirect(`${base}/login#second-factor=${outcome.challengeToken}`, 303);
        reply.setCookie(deps.cookieName, outcome.token, cookieOptions);
        return reply.redirect(`${base}/`, 303);
      } catch (err) {
        if (err instanceof AppError) return reply.redirect(loginPage(err.code), 303);
        throw err;
      }
    },
  );

  app.get(
    "/api/auth/oidc/logout",
    {
      config: { policy: "public" },
      schema: {
        operationId: "signOutOfOidcProvider",
        tags,
        summary: "Đăng xuất cả ở nhà cung cấp SSO / Sign out at the SSO provider too",
        response: { 303: Redirect },
      },
    },
    async (_request, reply) => {
      const url = oidc?.service.logoutUrl(`${base}/login`);
      return reply.redirect(url?.href ?? `${base}/login`, 303);
    },
  );

  app.post(
    "/api/auth/ldap/login",
    {
      config: { policy: "public" },
      schema: {
        operationId: "signInWithLdap",
        tags,
        summary: "Đăng nhập bằng thư mục LDAP / Sign in with the LDAP directory",
        body: LdapLoginBody,
        response: { 200: SignInResultSchema },
      },
    },
    async (request, reply) => {
      if (!ldap) throw externalErrors.methodNotConfigured();
      const outcome = await ldap.service.login(request.ctx, {
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      if (outcome.kind === "second_factor")
        return { secondFactorRequired: true as const, challengeToken: outcome.challengeToken };
      reply.setCookie(deps.cookieName, outcome.token, cookieOptions);
      return {
        user: presentUser(outcome.user),
        csrfToken: outcome.csrfToken,
        mustEnrolSecondFactor: deps.requiresSecondFactor(outcome.user),
      };
    },
  );

  app.get(
    "/api/users/external-identities",
    {
      config: manage,
      schema: {
        operationId: "listExternalIdentities",
        tags: ["users"],
        summary: "Tài khoản SSO/LDAP (chờ duyệt…) / SSO and LDAP accounts (pending…)",
        querystring: ExternalIdentityQuery,
        response: { 200: ExternalIdentityPageSchema },
      },
    },
    async (request) => {
      const { rows, total } = await accounts.list(
        request.ctx,
        request.query.status,
        toLimitOffset(request.query),
      );
      return pageOf(rows.map(presentExternalIdentity), total, request.query);
    },
  );

  app.post(
    "/api/users/external-identities/:id/approve",
    {
      config: manage,
      schema: {
        operationId: "approveExternalIdentity",
        tags: ["users"],
        summary: "Duyệt tài khoản SSO/LDAP / Approve an SSO or LDAP account",
        params: ExternalIdentityParams,
        body: ApproveExternalIdentityBody,
        response: { 200: ExternalIdentitySchema },
      },
    },
    async (request) =>
      presentExternalIdentity(
        await accounts.approve(request.ctx, request.params.id, {
          roles: request.body?.roles,
          personId: request.body?.personId,
        }),
      ),
  );

  app.post(
    "/api/users/external-identities/:id/reject",
    {
      config: manage,
      schema: {
        operationId: "rejectExternalIdentity",
        tags: ["users"],
        summary: "Từ chối tài khoản SSO/LDAP / Reject an SSO or LDAP account",
        params: ExternalIdentityParams,
        response: { 200: ExternalIdentitySchema },
      },
    },
    async (request) => presentExternalIdentity(await accounts.reject(request.ctx, request.params.id)),
  );
}
