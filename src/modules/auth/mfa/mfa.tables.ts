/** Tables of the second factor (migration 0021). */

export interface UserTotpTable {
  user_id: string;
  /** The base32 secret, AES-256-GCM encrypted with the server's secret key (see secret-box.ts). */
  secret_enc: string;
  /** Null while enrolment waits for its confirming code. */
  confirmed_at: string | null;
  /** The last time step a code was accepted for: a code is never accepted twice. */
  last_time_step: number | null;
  created_at: string;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  /** argon2id hash, like a password. */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface PasskeyTable {
  /** The credential id, base64url. */
  id: string;
  user_id: string;
  name: string;
  /** COSE public key, base64url. */
  public_key: string;
  counter: number;
  /** JSON array of transports reported at registration. */
  transports: string;
  device_type: string;
  backed_up: number;
  created_at: string;
  last_used_at: string | null;
}

export type AuthChallengeKind = "second_factor" | "passkey_registration" | "passkey_sign_in";

export interface AuthChallengeTable {
  /** SHA-256 of the token handed to the browser (or a random id for passkey ceremonies). */
  id: string;
  kind: string;
  user_id: string | null;
  /** The WebAuthn challenge (base64url) for passkey ceremonies. */
  challenge: string | null;
  /** For a pending second factor: how the first factor was passed ("password", "oidc", "ldap"). */
  first_method: string | null;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SecondFactorTables {
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodeTable;
  passkeys: PasskeyTable;
  auth_challenges: AuthChallengeTable;
}
