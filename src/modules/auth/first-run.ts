/** First run: when there is no account at all, create the administrator (from config, or with a one-time password). */
import type { Config } from "../../config/config.js";
import { systemContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthRepository } from "./auth.repository.js";
import { buildUserRow } from "./auth.service.js";
import { generatePassword } from "./password.js";

export const DEFAULT_ADMIN_EMAIL = "admin@haidang.local";

export interface FirstRunResult {
  email: string;
  /** Set only when the password was generated: show it once, it is stored nowhere in clear. */
  generatedPassword?: string;
}

export async function ensureAdministrator(
  deps: { db: Db; auth: AuthRepository; audit: AuditService },
  admin: Config["admin"],
): Promise<FirstRunResult | null> {
  if ((await deps.auth.countUsers(deps.db)) > 0) return null;
  const email = admin.email ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = admin.password ? undefined : generatePassword();
  const row = await buildUserRow({
    email,
    displayName: "Quản trị hệ thống",
    password: admin.password ?? (generatedPassword as string),
    roles: ["admin"],
    mustChangePassword: false,
  });
  await deps.db.transaction().execute(async (trx) => {
    await deps.auth.insertUser(trx, row);
    await deps.audit.record(trx, systemContext(), {
      entityType: "user",
      entityId: row.id,
      action: "create",
      after: { email, roles: ["admin"] },
    });
  });
  return generatedPassword ? { email, generatedPassword } : { email };
}
