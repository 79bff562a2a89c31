/** Follow-up's request schemas live in `src/shared/api/follow-up.ts`, shared with the web app. */
export * from "../../shared/api/follow-up.js";
