/** The directory's request and response schemas live in `src/shared/api/directory.ts`, shared with the web app. */
export * from "../../shared/api/directory.js";
