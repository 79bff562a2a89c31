import type { UserRow } from "../auth/auth.repository.js";
import { parseLanguageList, parseRoles } from "../auth/auth.service.js";
import type { UserDto } from "./users.schemas.js";

export function presentUser(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: parseRoles(u.roles),
    personId: u.person_id,
    translationLanguages: parseLanguageList(u.translation_languages),
    isActive: u.is_active === 1,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
  };
}
