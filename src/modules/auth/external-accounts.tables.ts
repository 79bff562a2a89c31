/** Tables of sign-in through the city's identity systems (migration 0020). */

/** One identity vouched for by OpenID Connect or LDAP. */
export interface ExternalIdentityTable {
  id: string;
  /** `oidc` or `ldap`. */
  provider: string;
  /** The provider's stable id for the person (`sub`, or the LDAP entry's DN). */
  subject: string;
  /** The account it signs in as; null while pending or after rejection. */
  user_id: string | null;
  email: string;
  email_verified: number;
  display_name: string;
  /** JSON array of the roles its claims or groups map to. */
  roles: string;
  /** `linked`, `pending` or `rejected`. */
  status: string;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** An OpenID Connect sign-in in progress: deleted when used (single use) or expired. */
export interface OidcSignInStateTable {
  /** SHA-256 of the `state` sent to the provider. */
  state_hash: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
}

export interface ExternalAccountTables {
  external_identities: ExternalIdentityTable;
  oidc_sign_in_states: OidcSignInStateTable;
}
