/**
 * Translators (and, if an administrator wishes, reviewers) work only in the languages assigned to them
 * (ngôn ngữ được phân công). Administrators, the secretariat and editors are never restricted; an
 * account whose list was never set (`null`) is not restricted either, so that existing accounts keep
 * working until an administrator assigns languages in the user admin.
 */
import type { Actor } from "../../platform/context.js";
import { hasAnyRole } from "../../platform/policy/policy.js";
import { portalErrors } from "./portal.errors.js";

/** Roles that write, review and publish every language. */
const UNRESTRICTED_ROLES = ["admin", "secretariat", "editor"] as const;

/** The languages the actor may translate or review, or null when no restriction applies. */
export function assignedLanguages(actor: Actor): readonly string[] | null {
  if (hasAnyRole(actor, UNRESTRICTED_ROLES)) return null;
  return actor.translationLanguages ?? null;
}

/** Whether the actor may save, move, import or export texts in `lang`. */
export function isLanguageAssigned(actor: Actor, lang: string): boolean {
  const languages = assignedLanguages(actor);
  return languages === null || languages.includes(lang);
}

/** Throws `language_not_assigned` (403) unless the actor may work in `lang`; system work (no actor) passes. */
export function assertLanguageAssigned(actor: Actor | null, lang: string): void {
  if (actor && !isLanguageAssigned(actor, lang)) throw portalErrors.languageNotAssigned({ meta: { lang } });
}
