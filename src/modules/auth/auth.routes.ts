/** Sign-in, sign-out, the current user, password change and own sessions. */
import { z } from "zod";
import { commonErrors } from "../../platform/errors.js";
import type { App } from "../../platform/http/types.js";
import { presentUser } from "../users/users.presenter.js";
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  SessionIdParams,
  SessionSchema,
} from "./auth.schemas.js";
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
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, user } = await auth.login(request.ctx, {
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      reply.setCookie(cookieName, token, cookieOptions);
      return { user: presentUser(user), csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { policy: "authenticated", allowsPendingPasswordChange: true },
      schema: { operationId: "signOut", tags: ["auth"], summary: "Đăng xuất / Sign out" },
    },
    async (request, reply) => {
      if (request.sessionId) await auth.logout(request.ctx, request.sessionId);
      // Same attributes as when set: browsers ignore a __Host- cookie cleared without Secure.
      reply.clearCookie(cookieName, { path: "/", httpOnly: true, sameSite: "lax", secure: deps.isHttps });
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { policy: "authenticated", allowsPendingPasswordChange: true },
      schema: {
        operationId: "getCurrentUser",
        tags: ["auth"],
        summary: "Người dùng hiện tại / Current user",
        response: { 200: LoginResponse },
      },
    },
    async (request) => {
      const user = await auth.currentUser(request.ctx);
      if (!request.csrfToken) throw commonErrors.unauthenticated();
      return { user: presentUser(user), csrfToken: request.csrfToken };
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
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, request.sessionId ?? "", request.body);
      return reply.status(204).send();
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
      },
    },
    async (request, reply) => {
      await auth.revokeSession(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
