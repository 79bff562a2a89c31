/** Report shapes live in `src/shared/api/reports.ts`, shared with the web app. */
export * from "../../shared/api/reports.js";
