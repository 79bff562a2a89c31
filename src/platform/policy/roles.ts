/** The roles of Hải Đăng (see docs/glossary.md); defined with the account shapes the web app shares. */
export { ROLES, type Role } from "../../shared/api/accounts.js";
