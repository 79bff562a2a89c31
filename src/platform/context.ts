/** Who is acting and on behalf of which request: passed explicitly to every service call. */
import type { Role } from "./policy/roles.js";

export type Lang = "vi" | "en";

export interface Actor {
  userId: string;
  displayName: string;
  roles: Role[];
  personId: string | null;
  /** Portal languages the account may translate/review; null or absent: not restricted. */
  translationLanguages?: readonly string[] | null;
}

export interface RequestContext {
  /** null for unauthenticated requests and for system jobs. */
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
}

/** The context of work the system does on its own (CLI, seed, jobs). */
export function systemContext(requestId: string | null = null): RequestContext {
  return { actor: null, requestId, ip: null, lang: "vi" };
}
