/** The roles of Hải Đăng (see docs/glossary.md). */
export const ROLES = ["admin", "secretariat", "leader", "member", "editor", "translator", "viewer"] as const;
export type Role = (typeof ROLES)[number];
