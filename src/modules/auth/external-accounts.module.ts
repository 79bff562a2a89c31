/**
 * Builds sign-in through the city's identity systems from its configuration: the account linking
 * service always (administrators approve pending accounts), the OIDC and LDAP parts when configured.
 * Providers are checked in the background at start: a provider that is down is logged once and
 * shown as unavailable on the sign-in page; it never stops the server.
 */
import type { SsoConfig } from "../../config/sso.config.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import type { AuditService } from "../audit/audit.service.js";
import type { AuthRepository, UserRow } from "./auth.repository.js";
import { createExternalAccountsRepository } from "./external-accounts.repository.js";
import type { SignInOutcome } from "./external-accounts.routes.js";
import { createExternalAccountsService } from "./external-accounts.service.js";
import { createLdapClient } from "./ldap/ldap.client.js";
import { createLdapService } from "./ldap/ldap.service.js";
import { createOidcClient, type OidcLogger } from "./oidc/oidc.client.js";
import { createOidcService } from "./oidc/oidc.service.js";

export function createExternalAccountsModule(deps: {
  db: Db;
  audit: AuditService;
  authRepository: AuthRepository;
  completeFirstFactor: (
    ctx: RequestContext,
    input: { user: UserRow; method: string; userAgent: string | null },
  ) => Promise<SignInOutcome>;
  forgetUser: (userId: string) => void;
  sso: SsoConfig;
  publicUrl: string | undefined;
  log: OidcLogger;
}) {
  const external = createExternalAccountsRepository();
  const accounts = createExternalAccountsService<SignInOutcome>({
    db: deps.db,
    external,
    auth: deps.authRepository,
    audit: deps.audit,
    completeFirstFactor: deps.completeFirstFactor,
    forgetUser: deps.forgetUser,
  });
  const base = (deps.publicUrl ?? "").replace(/\/+$/, "");

  let oidc: ReturnType<typeof buildOidc> | undefined;
  function buildOidc(config: NonNullable<SsoConfig["oidc"]>) {
    const client = createOidcClient({ config, redirectUri: `${base}/api/auth/oidc/callback`, log: deps.log });
    const service = createOidcService<SignInOutcome>({
      db: deps.db,
      external,
      client,
      config,
      scope: config.scope,
      log: deps.log,
      signIn: accounts.signIn,
      recordFailure: accounts.recordFailure,
    });
    return { client, service };
  }
  if (deps.sso.oidc && !base)
    deps.log.error(
      "OIDC: cần PUBLIC_URL để nhà cung cấp trả về / OIDC sign-in needs PUBLIC_URL for its redirect URI; OIDC is off",
    );
  else if (deps.sso.oidc) oidc = buildOidc(deps.sso.oidc);

  const ldapConfig = deps.sso.ldap;
  const ldapClient = ldapConfig && createLdapClient({ config: ldapConfig, log: deps.log });
  const ldap =
    ldapConfig && ldapClient
      ? {
          client: ldapClient,
          service: createLdapService<SignInOutcome>({
            db: deps.db,
            attempts: deps.authRepository,
            client: ldapClient,
            config: ldapConfig,
            signIn: accounts.signIn,
            recordFailure: accounts.recordFailure,
          }),
        }
      : undefined;

  return {
    accounts,
    oidc,
    ldap,
    publicUrl: base,
    /** Checks the providers once in the background (each logs its own line when unavailable). */
    checkProviders(): Promise<void> {
      return Promise.all([oidc?.client.check(), ldap?.client.check()]).then(() => undefined);
    },
  };
}

export type ExternalAccountsModule = ReturnType<typeof createExternalAccountsModule>;
