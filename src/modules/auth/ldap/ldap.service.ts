/** LDAP sign-in: the directory authenticates, its groups give the roles, the account is linked by e-mail. */
import type { LdapConfig } from "../../../config/sso.config.js";
import type { RequestContext } from "../../../platform/context.js";
import { externalErrors } from "../external-accounts.errors.js";
import type { VouchedIdentity } from "../external-accounts.service.js";
import { mapRoles } from "../oidc/oidc.service.js";
import type { LdapClient } from "./ldap.client.js";

export function createLdapService<Outcome>(deps: {
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
      let result: Awaited<ReturnType<LdapClient["authenticate"]>>;
      try {
        result = await client.authenticate(username, input.password);
      } catch {
        throw externalErrors.methodUnavailable();
      }
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
