import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, api, onUnauthenticated, request, setCsrfToken } from "../../api/client";
import type { AuthState, Role, User } from "../../api/types";
import type { SignedIn, SignInResult } from "../mfa/mfa-api";

export type SignInOutcome =
  | { kind: "signed-in"; user: User }
  | { kind: "second-factor"; challengeToken: string };

type Status = "loading" | "signed-in" | "signed-out";

interface AuthContextValue {
  status: Status;
  user: User | null;
  /** Set when the session probe failed for another reason than 401 (server down). */
  probeError: ApiError | null;
  /** Password sign-in: signed in, or a second step (an authenticator code) is needed. */
  signIn(email: string, password: string): Promise<SignInOutcome>;
  /** The second step with the challenge from `signIn`, or a passkey (both factors at once). */
  completeSignIn(state: SignedIn): void;
  /** The account's role needs a second factor this session lacks: enrolment comes first. */
  mustEnrolSecondFactor: boolean;
  signOut(): Promise<void>;
  /** Reloads the current user (e.g. after a password change clears `mustChangePassword`). */
  refresh(): Promise<void>;
  /** Forgets the session locally (after the server has ended it, e.g. revoking this device). */
  forget(): void;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>("loading");
  const [user, setUser] = useState<User | null>(null);
  const [probeError, setProbeError] = useState<ApiError | null>(null);
  const [mustEnrolSecondFactor, setMustEnrolSecondFactor] = useState(false);

  const accept = useCallback((state: AuthState & { mustEnrolSecondFactor?: boolean }) => {
    setCsrfToken(state.csrfToken);
    setUser(state.user);
    setMustEnrolSecondFactor(state.mustEnrolSecondFactor === true);
    setStatus("signed-in");
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus("signed-out");
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    request<AuthState>("GET", "/api/auth/me", { signal: controller.signal, isSessionProbe: true })
      .then(accept)
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError && err.status !== 401) setProbeError(err);
        forget();
      });
    return () => controller.abort();
  }, [accept, forget]);

  useEffect(() => onUnauthenticated(forget), [forget]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      probeError,
      async signIn(email, password) {
        const result = await request<SignInResult>("POST", "/api/auth/login", {
          body: { email, password },
          isSessionProbe: true,
        });
        setProbeError(null);
        if ("secondFactorRequired" in result)
          return { kind: "second-factor", challengeToken: result.challengeToken };
        accept(result);
        return { kind: "signed-in", user: result.user };
      },
      completeSignIn(state) {
        setProbeError(null);
        accept(state);
      },
      mustEnrolSecondFactor,
      async signOut() {
        try {
          await api.post<void>("/api/auth/logout");
        } finally {
          forget();
        }
      },
      async refresh() {
        accept(await request<AuthState>("GET", "/api/auth/me"));
      },
      forget,
      hasRole: (...roles) => Boolean(user?.roles.some((role) => roles.includes(role))),
    }),
    [status, user, probeError, mustEnrolSecondFactor, accept, forget],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth() outside <AuthProvider>");
  return value;
}

/** Who may edit the directory (units, people, committee). The server enforces the same rule. */
export const DIRECTORY_EDITORS: Role[] = ["admin", "secretariat"];
/** Who may read the audit journal. */
export const AUDIT_READERS: Role[] = ["admin", "secretariat", "leader"];
/** Who may import and edit work programmes. The server enforces the same rule. */
export const PROGRAMME_EDITORS: Role[] = ["admin", "secretariat"];
