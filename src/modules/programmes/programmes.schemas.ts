/** The programmes API's request and response schemas live in `src/shared/api/programmes.ts`, shared with the web app. */
export * from "../../shared/api/programmes.js";
