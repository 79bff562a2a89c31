/** The import workflow's request and response schemas live in `src/shared/api/imports.ts`, shared with the web app. */
export * from "../../shared/api/imports.js";
