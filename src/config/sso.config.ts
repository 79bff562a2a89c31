/**
 * Configuration of sign-in through the city's identity systems (OpenID Connect and LDAP), merged
 * into `config.ts`'s schema. A method is on when its first variable is set; what a provider says at
 * run time (unreachable, wrong secret) never stops the server, a malformed variable here does.
 */
import { z } from "zod";
import { ROLES, type Role } from "../shared/api/accounts.js";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** `name=role,other=role2` → name → roles; a name may appear twice to give two roles. */
const roleMap = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const map = new Map<string, Role[]>();
    for (const pair of (v ?? "").split(",")) {
      if (!pair.trim()) continue;
      const at = pair.lastIndexOf("=");
      const name = pair.slice(0, at).trim();
      const role = pair.slice(at + 1).trim();
      if (at <= 0 || !name || !(ROLES as readonly string[]).includes(role)) {
        ctx.addIssue({
          code: "custom",
          message: `"${pair.trim()}" is not name=role with a role among ${ROLES.join(", ")}`,
        });
        continue;
      }
      map.set(name, [...(map.get(name) ?? []), role as Role]);
    }
    return map;
  });

export const ssoEnvShape = {
  /** OpenID Connect issuer URL (discovery at `<issuer>/.well-known/openid-configuration`); empty: no OIDC. */
  HAIDANG_OIDC_ISSUER: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Client id registered with the provider; its redirect URI is `<PUBLIC_URL>/api/auth/oidc/callback`. */
  HAIDANG_OIDC_CLIENT_ID: optionalText,
  /** Client secret (sent with HTTP Basic authentication to the token endpoint). */
  HAIDANG_OIDC_CLIENT_SECRET: optionalText,
  /** ID-token claim that carries the person's groups or roles (e.g. `groups`); empty: roles set by administrators. */
  HAIDANG_OIDC_ROLE_CLAIM: optionalText,
  /** Claim value → role, e.g. `hd-admins=admin,hd-secretariat=secretariat`. */
  HAIDANG_OIDC_ROLE_MAP: roleMap,
  /** Scopes asked for (space-separated); add the one that releases the role claim, e.g. `groups`. */
  HAIDANG_OIDC_SCOPES: z.string().default("openid email profile"),
  /** `ldaps://host:636` or `ldap://host:389` (then StartTLS is required); empty: no LDAP. */
  HAIDANG_LDAP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^ldaps?:\/\/[^/]+/.test(v), "must be an ldap:// or ldaps:// URL")
    .transform((v) => v || undefined),
  /** PEM file of the CA that signed the LDAP server's certificate (default: the system's CAs). */
  HAIDANG_LDAP_CA_FILE: optionalText,
  /** DN the server binds as to search for people (empty: anonymous search). */
  HAIDANG_LDAP_BIND_DN: optionalText,
  HAIDANG_LDAP_BIND_PASSWORD: optionalText,
  /** Where people are searched, e.g. `ou=people,dc=thanhpho,dc=vn`. */
  HAIDANG_LDAP_USER_BASE: optionalText,
  /** Filter with `{username}` (escaped before use), e.g. `(uid={username})` or `(sAMAccountName={username})`. */
  HAIDANG_LDAP_USER_FILTER: z.string().default("(uid={username})"),
  /** Where groups are searched (groups listing members by `member` DN); default: the user base. */
  HAIDANG_LDAP_GROUP_BASE: optionalText,
  /** Group cn → role, e.g. `hd-admins=admin,hd-secretariat=secretariat`. */
  HAIDANG_LDAP_ROLE_MAP: roleMap,
};

const SsoEnvSchema = z.object(ssoEnvShape);
type SsoEnv = z.output<typeof SsoEnvSchema>;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string | undefined;
  roleMap: Map<string, Role[]>;
  scope: string;
}

export interface LdapConfig {
  url: string;
  caFile: string | undefined;
  bindDn: string | undefined;
  bindPassword: string | undefined;
  userBase: string;
  userFilter: string;
  groupBase: string;
  roleMap: Map<string, Role[]>;
}

export interface SsoConfig {
  oidc: OidcConfig | undefined;
  ldap: LdapConfig | undefined;
}

/** Problems that make a method unusable as configured (reported by `loadConfig` like any other). */
export function ssoProblems(c: SsoEnv): string[] {
  const out: string[] = [];
  if (c.HAIDANG_OIDC_ISSUER && (!c.HAIDANG_OIDC_CLIENT_ID || !c.HAIDANG_OIDC_CLIENT_SECRET))
    out.push("HAIDANG_OIDC_CLIENT_ID, HAIDANG_OIDC_CLIENT_SECRET: required with HAIDANG_OIDC_ISSUER");
  if (c.HAIDANG_OIDC_ROLE_CLAIM && c.HAIDANG_OIDC_ROLE_MAP.size === 0)
    out.push("HAIDANG_OIDC_ROLE_MAP: required with HAIDANG_OIDC_ROLE_CLAIM");
  if (c.HAIDANG_LDAP_URL && !c.HAIDANG_LDAP_USER_BASE)
    out.push("HAIDANG_LDAP_USER_BASE: required with HAIDANG_LDAP_URL");
  if (c.HAIDANG_LDAP_URL && c.HAIDANG_LDAP_ROLE_MAP.size === 0)
    out.push("HAIDANG_LDAP_ROLE_MAP: required with HAIDANG_LDAP_URL");
  if (c.HAIDANG_LDAP_URL && !c.HAIDANG_LDAP_USER_FILTER.includes("{username}"))
    out.push("HAIDANG_LDAP_USER_FILTER: must contain {username}");
  return out;
}

export function ssoConfigOf(c: SsoEnv): SsoConfig {
  const userBase = c.HAIDANG_LDAP_USER_BASE ?? "";
  return {
    oidc: c.HAIDANG_OIDC_ISSUER
      ? {
          issuer: c.HAIDANG_OIDC_ISSUER,
          clientId: c.HAIDANG_OIDC_CLIENT_ID ?? "",
          clientSecret: c.HAIDANG_OIDC_CLIENT_SECRET ?? "",
          roleClaim: c.HAIDANG_OIDC_ROLE_CLAIM,
          roleMap: c.HAIDANG_OIDC_ROLE_MAP,
          scope: c.HAIDANG_OIDC_SCOPES.includes("openid")
            ? c.HAIDANG_OIDC_SCOPES
            : `openid ${c.HAIDANG_OIDC_SCOPES}`,
        }
      : undefined,
    ldap: c.HAIDANG_LDAP_URL
      ? {
          url: c.HAIDANG_LDAP_URL,
          caFile: c.HAIDANG_LDAP_CA_FILE,
          bindDn: c.HAIDANG_LDAP_BIND_DN,
          bindPassword: c.HAIDANG_LDAP_BIND_PASSWORD,
          userBase,
          userFilter: c.HAIDANG_LDAP_USER_FILTER,
          groupBase: c.HAIDANG_LDAP_GROUP_BASE ?? userBase,
          roleMap: c.HAIDANG_LDAP_ROLE_MAP,
        }
      : undefined,
  };
}
