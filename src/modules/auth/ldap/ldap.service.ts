/** LDAP sign-in: the directory authenticates, its groups give the roles, the account is linked by e-mail. */
import type { LdapConfig } from "../../../config/sso.config.js";
import type { RequestContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { nowIso } from "../../../platform/ids.js";
import { authErrors } from "../auth.errors.js";
import type { AuthRepository } from "../auth.repository.js";
import { externalErrors } from "../external-accounts.errors.js";
import type { VouchedIdentity } from "../external-accounts.service.js";
import { mapRoles } from "../oidc/oidc.service.js";
import type { LdapClient } from "./ldap.client.js";

/** Failures of one directory user name before each further try must wait (doubling from 60 s, at most 15 min). */
const FREE_FAILURES = 5;
const WINDOW_MINUTES = 15;

export function createLdapService<Outcome>(deps: {
  db: Db;
  /** Sign-in attempts (recorded under `ldap:<user name>`), shared with password sign-in's table. */
  attempts: Pick<AuthRepository, "failureStats" | "recordAttempt">;
  client: LdapClient;
  config: LdapConfig;
  signIn: (ctx: RequestContext, who: VouchedIdentity, userAgent: string | null) => Promise<Outcome>;
  recordFailure: (
    ctx: RequestContext,
    input: { provider: "ldap"; who: string | null; reason: string },
  ) => Promise<void>;
}) {
  const { client, config } = deps;
  return {
    async login(
      ctx: RequestContext,
      input: { username: string; password: string; userAgent: string | null },
    ): Promise<Outcome> {
      if (!(await client.check()).isAvailable) throw externalErrors.methodUnavailable();
      const username = input.username.trim();
      const key = `ldap:${username.toLowerCase().slice(0, 190)}`;
      const ip = ctx.ip ?? "unknown";
      const now = nowIso();
      // Guessing passwords here would lock the person out of the whole city's systems: slow it down first.
      const stats = await deps.attempts.failureStats(
        deps.db,
        { email: key },
        new Date(Date.parse(now) - WINDOW_MINUTES * 60_000).toISOString(),
        { sinceLastSuccess: true },
      );
      if (stats.failures >= FREE_FAILURES && stats.lastAt) {
        const delay = Math.min(900, 60 * 2 ** (stats.failures - FREE_FAILURES));
        const wait = Math.ceil(delay - (Date.parse(now) - Date.parse(stats.lastAt)) / 1000);
        if (wait > 0)
          throw authErrors.tooManyAttempts({
            meta: { retryAfterSeconds: wait },
            vi: `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${wait} giây`,
            en: `Too many failed sign-ins; try again in ${wait} seconds`,
          });
      }
      let result: Awaited<ReturnType<LdapClient["authenticate"]>>;
      try {
        result = await client.authenticate(username, input.password);
      } catch {
        throw externalErrors.methodUnavailable();
      }
      await deps.attempts.recordAttempt(deps.db, key, ip, now, result.ok);
      if (!result.ok) {
        await deps.recordFailure(ctx, {
          provider: "ldap",
          who: username.slice(0, 200),
          reason: result.reason,
        });
        throw externalErrors.ldapInvalidCredentials();
      }
      const { person } = result;
      if (!person.email) {
        await deps.recordFailure(ctx, { provider: "ldap", who: person.dn, reason: "claim_missing:mail" });
        throw externalErrors.claimMissing();
      }
      return deps.signIn(
        ctx,
        {
          provider: "ldap",
          subject: person.dn.toLowerCase(),
          email: person.email.toLowerCase(),
          // The city's own directory is the authority on its people's addresses.
          isEmailVerified: true,
          displayName: (person.displayName ?? person.email).slice(0, 200),
          roles: mapRoles(person.groups, config.roleMap),
        },
        input.userAgent,
      );
    },
  };
}

export type LdapService<Outcome = unknown> = ReturnType<typeof createLdapService<Outcome>>;
