/** Calls of sign-in through the city's identity systems; shapes inferred from `src/shared/api/external-accounts.ts`. */
import type { ExternalIdentityDto, SignInMethods } from "../../../shared/api/external-accounts";
import type { SignInResult } from "../../../shared/api/mfa";
import type { Page } from "../../../shared/api/pagination";
import { api, request } from "../../api/client";

export type { ExternalIdentityDto, SignInMethods };

export const ssoApi = {
  methods: () => request<SignInMethods>("GET", "/api/auth/methods", { isSessionProbe: true }),
  /** LDAP sign-in (no 401 broadcast: there is no session yet). */
  ldapSignIn: (username: string, password: string) =>
    request<SignInResult>("POST", "/api/auth/ldap/login", {
      body: { username, password },
      isSessionProbe: true,
    }),
  pending: () => api.get<Page<ExternalIdentityDto>>("/api/users/external-identities", { status: "pending" }),
  approve: (id: string) =>
    api.post<ExternalIdentityDto>(`/api/users/external-identities/${encodeURIComponent(id)}/approve`),
  reject: (id: string) =>
    api.post<ExternalIdentityDto>(`/api/users/external-identities/${encodeURIComponent(id)}/reject`),
};

/** Where the browser starts an SSO sign-in (a full page load: the provider takes over). */
export const OIDC_START_URL = "/api/auth/oidc/start";
