/** Account administration: create, change roles, disable, reset passwords. Admin only. */
import type { z } from "zod";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { nowIso } from "../../platform/ids.js";
import { assertCan } from "../../platform/policy/policy.js";
import type { AuditService } from "../audit/audit.service.js";
import { authErrors } from "../auth/auth.errors.js";
import type { AuthRepository } from "../auth/auth.repository.js";
import { assertStrongPassword, buildUserRow } from "../auth/auth.service.js";
import { generatePassword, hashPassword } from "../auth/password.js";
import { portalErrors } from "../portal/portal.errors.js";
import { presentUser } from "./users.presenter.js";
import type { CreateUserBody, UpdateUserBody } from "./users.schemas.js";

export function createUsersService(deps: {
  db: Db;
  auth: AuthRepository;
  audit: AuditService;
  forgetUser: (userId: string) => void;
  /** The portal's enabled languages: the only ones a translator can be assigned. */
  portalLanguages?: readonly string[];
}) {
  const { db, auth, audit, forgetUser } = deps;

  /** The list as stored (unique, in the portal's order), or a 400 naming a language the portal lacks. */
  function languageColumn(list: readonly string[] | null): string | null {
    if (list === null) return null;
    const enabled = deps.portalLanguages;
    for (const lang of list)
      if (enabled && !enabled.includes(lang)) throw portalErrors.languageNotEnabled({ meta: { lang } });
    const unique = [...new Set(list)];
    if (enabled) unique.sort((a, b) => enabled.indexOf(a) - enabled.indexOf(b));
    return JSON.stringify(unique);
  }

  return {
    async list(ctx: RequestContext, page: { limit: number; offset: number }, q?: string) {
      assertCan(ctx.actor, "users.manage");
      return auth.listUsers(db, page, q);
    },

    async create(ctx: RequestContext, input: z.infer<typeof CreateUserBody>) {
      assertCan(ctx.actor, "users.manage");
      if (input.password) assertStrongPassword(input.password);
      if (await auth.findUserByEmail(db, input.email)) throw authErrors.emailTaken();
      const temporaryPassword = input.password ? undefined : generatePassword();
      const row = await buildUserRow({
        email: input.email,
        displayName: input.displayName,
        password: input.password ?? (temporaryPassword as string),
        roles: input.roles,
        personId: input.personId ?? null,
        mustChangePassword: !input.password,
      });
      if (input.translationLanguages !== undefined)
        row.translation_languages = languageColumn(input.translationLanguages);
      await db.transaction().execute(async (trx) => {
        await auth.insertUser(trx, row);
        await audit.record(trx, ctx, {
          entityType: "user",
          entityId: row.id,
          action: "create",
          after: presentUser(row),
        });
      });
      return { user: row, temporaryPassword };
    },

    async update(ctx: RequestContext, id: string, input: z.infer<typeof UpdateUserBody>) {
      assertCan(ctx.actor, "users.manage");
      return db
        .transaction()
        .execute(async (trx) => {
          const before = await auth.findUserById(trx, id);
          if (!before) throw authErrors.userNotFound();
          const now = nowIso();
          await auth.updateUser(trx, id, {
            ...(input.displayName !== undefined && { display_name: input.displayName }),
            ...(input.roles !== undefined && { roles: JSON.stringify(input.roles) }),
            ...(input.personId !== undefined && { person_id: input.personId }),
            ...(input.translationLanguages !== undefined && {
              translation_languages: languageColumn(input.translationLanguages),
            }),
            ...(input.isActive !== undefined && { is_active: input.isActive ? 1 : 0 }),
            updated_at: now,
          });
          if (input.isActive === false) await auth.revokeUserSessions(trx, id, now);
          const after = await auth.findUserById(trx, id);
          if (!after) throw authErrors.userNotFound();
          await audit.record(trx, ctx, {
            entityType: "user",
            entityId: id,
            action: "update",
            before: presentUser(before),
            after: presentUser(after),
          });
          return after;
        })
        .finally(() => forgetUser(id));
    },

    /** Sets a one-time password, signs the user out everywhere and returns the password once. */
    async resetPassword(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, "users.manage");
      const temporaryPassword = generatePassword();
      const hashed = await hashPassword(temporaryPassword);
      await db.transaction().execute(async (trx) => {
        const user = await auth.findUserById(trx, id);
        if (!user) throw authErrors.userNotFound();
        const now = nowIso();
        await auth.updateUser(trx, id, {
          password_hash: hashed,
          must_change_password: 1,
          failed_logins: 0,
          locked_until: null,
          password_changed_at: now,
          updated_at: now,
        });
        await auth.revokeUserSessions(trx, id, now);
        await audit.record(trx, ctx, { entityType: "user", entityId: id, action: "password_reset" });
      });
      forgetUser(id);
      return { temporaryPassword };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
