/** The audit journal's shapes live in `src/shared/api/audit.ts`, shared with the web app. */
export * from "../../shared/api/audit.js";
