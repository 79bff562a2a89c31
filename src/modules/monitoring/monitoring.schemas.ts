/** The monitoring API's schemas live in `src/shared/api/monitoring.ts`, shared with the web app. */
export * from "../../shared/api/monitoring.js";
