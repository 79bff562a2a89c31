/** Calls of the second factor (TOTP, recovery codes, passkeys); shapes inferred from `src/shared/api/mfa.ts`. */
import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import type { z } from "zod";
import type {
  PasskeyDto,
  PasskeyOptionsSchema,
  RecoveryCodesSchema,
  SecondFactorStatus,
  SignedIn,
  SignInResult,
  TotpEnrolmentSchema,
} from "../../../shared/api/mfa";
import { api, request } from "../../api/client";

export type { PasskeyDto, SecondFactorStatus, SignedIn, SignInResult };
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;
type PasskeyOptions = z.infer<typeof PasskeyOptionsSchema>;

export const mfaApi = {
  status: (signal?: AbortSignal) => api.get<SecondFactorStatus>("/api/auth/second-factor", undefined, signal),
  startEnrolment: () => api.post<TotpEnrolment>("/api/auth/totp/enrolment"),
  confirm: (code: string) => api.post<RecoveryCodes>("/api/auth/totp/confirm", { code }),
  regenerate: (code: string) => api.post<RecoveryCodes>("/api/auth/totp/recovery-codes", { code }),
  disable: (code: string) => api.post<void>("/api/auth/totp/disable", { code }),
  resetForUser: (userId: string) => api.post<void>(`/api/users/${userId}/second-factor/reset`),
  renamePasskey: (id: string, name: string) =>
    api.patch<PasskeyDto>(`/api/auth/passkeys/${encodeURIComponent(id)}`, { name }),
  deletePasskey: (id: string) => api.delete(`/api/auth/passkeys/${encodeURIComponent(id)}`),

  /** The sign-in's second step (no 401 broadcast: there is no session yet). */
  verifySignIn: (challengeToken: string, code: string) =>
    request<SignedIn>("POST", "/api/auth/second-factor", {
      body: { challengeToken, code },
      isSessionProbe: true,
    }),

  /** Asks the browser to create a passkey for this account and registers it under a name. */
  async addPasskey(name: string): Promise<PasskeyDto> {
    const { ceremonyId, options } = await api.post<PasskeyOptions>("/api/auth/passkeys/registration-options");
    const response: RegistrationResponseJSON = await startRegistration({
      optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
    });
    return api.post<PasskeyDto>("/api/auth/passkeys", { ceremonyId, name, response });
  },

  /** Signs in with any passkey of this site the browser offers (discoverable credential). */
  async signInWithPasskey(): Promise<SignedIn> {
    const { ceremonyId, options } = await request<PasskeyOptions>(
      "POST",
      "/api/auth/passkeys/sign-in-options",
      {
        body: {},
        isSessionProbe: true,
      },
    );
    const response: AuthenticationResponseJSON = await startAuthentication({
      optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
    });
    return request<SignedIn>("POST", "/api/auth/passkeys/sign-in", {
      body: { ceremonyId, response },
      isSessionProbe: true,
    });
  },
};
