/** Account administration routes (admin only). */
import { z } from "zod";
import { PageQuery, PageSchema, pageOf, SearchText, toLimitOffset } from "../../platform/http/pagination.js";
import type { App } from "../../platform/http/types.js";
import { CreatedUserSchema, TemporaryPasswordSchema } from "../../shared/api/accounts.js";
import { presentUser } from "./users.presenter.js";
import { CreateUserBody, UpdateUserBody, UserSchema } from "./users.schemas.js";
import type { UsersService } from "./users.service.js";

const IdParams = z.object({ id: z.string().min(1).max(64) });
const config = { policy: "users.manage" } as const;

export function registerUsersRoutes(app: App, deps: { users: UsersService }) {
  const { users } = deps;

  app.get(
    "/api/users",
    {
      config,
      schema: {
        operationId: "listUsers",
        tags: ["users"],
        summary: "Danh sách tài khoản / List accounts",
        querystring: PageQuery.extend({ q: SearchText }),
        response: { 200: PageSchema(UserSchema) },
      },
    },
    async (request) => {
      const { rows, total } = await users.list(request.ctx, toLimitOffset(request.query), request.query.q);
      return pageOf(rows.map(presentUser), total, request.query);
    },
  );

  app.post(
    "/api/users",
    {
      config,
      schema: {
        operationId: "createUser",
        tags: ["users"],
        summary: "Tạo tài khoản / Create account",
        body: CreateUserBody,
        response: { 201: CreatedUserSchema },
      },
    },
    async (request, reply) => {
      const { user, temporaryPassword } = await users.create(request.ctx, request.body);
      return reply
        .status(201)
        .send({ user: presentUser(user), ...(temporaryPassword && { temporaryPassword }) });
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config,
      schema: {
        operationId: "updateUser",
        tags: ["users"],
        summary: "Sửa tài khoản / Update account",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      return presentUser(await users.update(request.ctx, request.params.id, request.body));
    },
  );

  app.post(
    "/api/users/:id/reset-password",
    {
      config,
      schema: {
        operationId: "resetUserPassword",
        tags: ["users"],
        summary: "Đặt lại mật khẩu / Reset password",
        params: IdParams,
        response: { 200: TemporaryPasswordSchema },
      },
    },
    async (request) => {
      return users.resetPassword(request.ctx, request.params.id);
    },
  );
}
