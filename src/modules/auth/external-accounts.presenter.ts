/** Identities vouched for by OIDC or LDAP → the API shape administrators see. */
import type { ExternalIdentityDto } from "../../shared/api/external-accounts.js";
import { parseRoles } from "./auth.service.js";
import type { ExternalIdentityRow } from "./external-accounts.repository.js";

export function presentExternalIdentity(row: ExternalIdentityRow): ExternalIdentityDto {
  return {
    id: row.id,
    provider: row.provider === "ldap" ? "ldap" : "oidc",
    email: row.email,
    isEmailVerified: row.email_verified === 1,
    displayName: row.display_name,
    roles: parseRoles(row.roles),
    status: row.status === "linked" || row.status === "rejected" ? row.status : "pending",
    userId: row.user_id,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    decidedAt: row.decided_at,
  };
}
