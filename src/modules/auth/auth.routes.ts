/** Sign-in, sign-out, the current user, password change and own sessions. */
import { z } from "zod";
import { commonErrors } from "../../platform/errors.js";
import type { App } from "../../platform/http/types.js";
import { SignedInSchema, SignInResultSchema } from "../../shared/api/mfa.js";
import { presentUser } from "../users/users.presenter.js";
import { ChangePasswordBody, LoginBody, SessionIdParams, SessionSchema } from "./auth.schemas.js";
import type { AuthService } from "./auth.service.js";

export function registerAuthRoutes(
  app: App,
  deps: { auth: AuthService; cookieName: string; isHttps: boolean; sessionHours: number },
) {
  const { auth, cookieName } = deps;
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.isHttps,
    maxAge: deps.sessionHours * 3600,
  };

  app.post(
    "/api/auth/login",
    {
      config: { policy: "public" },
      schema: {
        operationId: "signIn",
        tags: ["auth"],
        summary: "Đăng nhập / Sign in",
        body: LoginBody,
        response: { 200: SignInResultSchema },
      },
    },
    async (request, reply) => {
      const outcome = await auth.login(request.ctx, {
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      if (outcome.kind === "second_factor")
        return { secondFactorRequired: true as const, challengeToken: outcome.challengeToken };
      reply.setCookie(cookieName, outcome.token, cookieOptions);
      return {
        user: presentUser(outcome.user),
        csrfToken: outcome.csrfToken,
        mustEnrolSecondFactor: auth.requiresSecondFactor(outcome.user),
      };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { policy: "authenticated", allowsPendingPasswordChange: true, allowsPendingSecondFactor: true },
      schema: {
        operationId: "signOut",
        tags: ["auth"],
        summary: "Đăng xuất / Sign out",
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (request.sessionId) await auth.logout(request.ctx, request.sessionId);
      // Same attributes as when set: browsers ignore a __Host- cookie cleared without Secure.
      reply.clearCookie(cookieName, { path: "/", httpOnly: true, sameSite: "lax", secure: deps.isHttps });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { policy: "authenticated", allowsPendingPasswordChange: true, allowsPendingSecondFactor: true },
      schema: {
        operationId: "getCurrentUser",
        tags: ["auth"],
        summary: "Người dùng hiện tại / Current user",
        response: { 200: SignedInSchema },
      },
    },
    async (request) => {
      const user = await auth.currentUser(request.ctx);
      if (!request.csrfToken) throw commonErrors.unauthenticated();
      return {
        user: presentUser(user),
        csrfToken: request.csrfToken,
        mustEnrolSecondFactor: request.mustEnrolSecondFactor,
      };
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: { policy: "authenticated", allowsPendingPasswordChange: true },
      schema: {
        operationId: "changePassword",
        tags: ["auth"],
        summary: "Đổi mật khẩu / Change password",
        body: ChangePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, request.sessionId ?? "", request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/sessions",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "listMySessions",
        tags: ["auth"],
        summary: "Phiên đăng nhập của tôi / My sessions",
        response: { 200: z.object({ items: z.array(SessionSchema) }) },
      },
    },
    async (request) => {
      const rows = await auth.listSessions(request.ctx);
      return {
        items: rows.map((s) => ({
          id: s.id,
          createdAt: s.created_at,
          lastSeenAt: s.last_seen_at,
          ip: s.ip,
          userAgent: s.user_agent,
          isCurrent: s.id === request.sessionId,
        })),
      };
    },
  );

  app.delete(
    "/api/auth/sessions/:id",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "revokeSession",
        tags: ["auth"],
        summary: "Thu hồi phiên / Revoke a session",
        params: SessionIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.revokeSession(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
