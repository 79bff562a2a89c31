/** Second factor: the sign-in's second step, authenticator enrolment, recovery codes, passkeys, admin reset. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../../platform/http/types.js";
import {
  ConfirmTotpBody,
  DisableTotpBody,
  PasskeyIdParams,
  PasskeyOptionsSchema,
  PasskeySchema,
  PasskeySignInBody,
  RecoveryCodesSchema,
  RegisterPasskeyBody,
  RenamePasskeyBody,
  SecondFactorStatusSchema,
  SignedInSchema,
  TotpEnrolmentSchema,
  UserIdParams,
  VerifySecondFactorBody,
} from "../../../shared/api/mfa.js";
import { presentUser } from "../../users/users.presenter.js";
import type { UserRow } from "../auth.repository.js";
import { presentPasskey } from "./mfa.presenter.js";
import type { MfaService } from "./mfa.service.js";
import { type PasskeysService, relyingPartyOf } from "./passkeys.service.js";

const tags = ["auth"];
const pendingOk = { policy: "authenticated", allowsPendingSecondFactor: true } as const;

export function registerMfaRoutes(
  app: App,
  deps: {
    mfa: MfaService;
    passkeys: PasskeysService;
    cookieName: string;
    isHttps: boolean;
    sessionHours: number;
    publicUrl: string | undefined;
  },
) {
  const { mfa, passkeys } = deps;
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.isHttps,
    maxAge: deps.sessionHours * 3600,
  };
  const rpOf = (request: FastifyRequest) =>
    relyingPartyOf(deps.publicUrl, {
      ...(request.headers.origin !== undefined && { origin: request.headers.origin }),
      ...(request.headers.host !== undefined && { host: request.headers.host }),
      protocol: request.protocol,
    });
  const signedIn = (
    reply: FastifyReply,
    opened: { token: string; csrfToken: string; user: UserRow },
  ): z.infer<typeof SignedInSchema> => {
    reply.setCookie(deps.cookieName, opened.token, cookieOptions);
    return { user: presentUser(opened.user), csrfToken: opened.csrfToken, mustEnrolSecondFactor: false };
  };

  app.post(
    "/api/auth/second-factor",
    {
      config: { policy: "public" },
      schema: {
        operationId: "verifySecondFactor",
        tags,
        summary: "Bước xác thực thứ hai khi đăng nhập / Second sign-in step",
        body: VerifySecondFactorBody,
        response: { 200: SignedInSchema },
      },
    },
    async (request, reply) => {
      const opened = await mfa.verifySignIn(request.ctx, {
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      return signedIn(reply, opened);
    },
  );

  app.get(
    "/api/auth/second-factor",
    {
      config: pendingOk,
      schema: {
        operationId: "getSecondFactorStatus",
        tags,
        summary: "Tình trạng xác thực hai lớp / Second-factor status",
        response: { 200: SecondFactorStatusSchema },
      },
    },
    async (request) => {
      const status = await mfa.status(request.ctx, { mustEnrol: request.mustEnrolSecondFactor });
      return {
        ...status,
        passkeys: status.passkeys.map(presentPasskey),
        arePasskeysAvailable: Boolean(deps.publicUrl ?? request.headers.host),
      };
    },
  );

  app.post(
    "/api/auth/totp/enrolment",
    {
      config: pendingOk,
      schema: {
        operationId: "startTotpEnrolment",
        tags,
        summary: "Bắt đầu cài đặt ứng dụng xác thực / Start authenticator enrolment",
        response: { 200: TotpEnrolmentSchema },
      },
    },
    async (request) => mfa.startTotpEnrolment(request.ctx),
  );

  app.post(
    "/api/auth/totp/confirm",
    {
      config: pendingOk,
      schema: {
        operationId: "confirmTotpEnrolment",
        tags,
        summary: "Xác nhận ứng dụng xác thực / Confirm the authenticator",
        body: ConfirmTotpBody,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => mfa.confirmTotp(request.ctx, request.sessionId ?? "", request.body.code),
  );

  app.post(
    "/api/auth/totp/recovery-codes",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "regenerateRecoveryCodes",
        tags,
        summary: "Tạo lại mã khôi phục / Regenerate recovery codes",
        body: DisableTotpBody,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => mfa.regenerateRecoveryCodes(request.ctx, request.body.code),
  );

  app.post(
    "/api/auth/totp/disable",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "disableTotp",
        tags,
        summary: "Tắt ứng dụng xác thực / Turn the authenticator off",
        body: DisableTotpBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mfa.disableTotp(request.ctx, request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/users/:id/second-factor/reset",
    {
      config: { policy: "users.manage" },
      schema: {
        operationId: "resetUserSecondFactor",
        tags: ["users"],
        summary: "Đặt lại xác thực hai lớp của tài khoản / Reset an account's second factor",
        params: UserIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mfa.resetForUser(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/passkeys",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "listPasskeys",
        tags,
        summary: "Khóa truy cập của tôi / My passkeys",
        response: { 200: z.object({ items: z.array(PasskeySchema) }) },
      },
    },
    async (request) => ({ items: (await passkeys.list(request.ctx)).map(presentPasskey) }),
  );

  app.post(
    "/api/auth/passkeys/registration-options",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "getPasskeyRegistrationOptions",
        tags,
        summary: "Tham số đăng ký khóa truy cập / Passkey registration options",
        response: { 200: PasskeyOptionsSchema },
      },
    },
    async (request) => {
      const { ceremonyId, options } = await passkeys.registrationOptions(request.ctx, rpOf(request));
      return { ceremonyId, options: { ...options } };
    },
  );

  app.post(
    "/api/auth/passkeys",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "registerPasskey",
        tags,
        summary: "Thêm khóa truy cập / Add a passkey",
        body: RegisterPasskeyBody,
        response: { 201: PasskeySchema },
      },
    },
    async (request, reply) => {
      const row = await passkeys.register(request.ctx, rpOf(request), request.body);
      return reply.status(201).send(presentPasskey(row));
    },
  );

  app.patch(
    "/api/auth/passkeys/:id",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "renamePasskey",
        tags,
        summary: "Đổi tên khóa truy cập / Rename a passkey",
        params: PasskeyIdParams,
        body: RenamePasskeyBody,
        response: { 200: PasskeySchema },
      },
    },
    async (request) =>
      presentPasskey(await passkeys.rename(request.ctx, request.params.id, request.body.name)),
  );

  app.delete(
    "/api/auth/passkeys/:id",
    {
      config: { policy: "authenticated" },
      schema: {
        operationId: "deletePasskey",
        tags,
        summary: "Xóa khóa truy cập / Remove a passkey",
        params: PasskeyIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await passkeys.remove(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/passkeys/sign-in-options",
    {
      config: { policy: "public" },
      schema: {
        operationId: "getPasskeySignInOptions",
        tags,
        summary: "Tham số đăng nhập bằng khóa truy cập / Passkey sign-in options",
        response: { 200: PasskeyOptionsSchema },
      },
    },
    async (request) => {
      const { ceremonyId, options } = await passkeys.signInOptions(rpOf(request));
      return { ceremonyId, options: { ...options } };
    },
  );

  app.post(
    "/api/auth/passkeys/sign-in",
    {
      config: { policy: "public" },
      schema: {
        operationId: "signInWithPasskey",
        tags,
        summary: "Đăng nhập bằng khóa truy cập / Sign in with a passkey",
        body: PasskeySignInBody,
        response: { 200: SignedInSchema },
      },
    },
    async (request, reply) => {
      const opened = await passkeys.signIn(request.ctx, rpOf(request), {
        ...request.body,
        userAgent: request.headers["user-agent"] ?? null,
      });
      return signedIn(reply, opened);
    },
  );
}
