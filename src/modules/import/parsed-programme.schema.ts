/** The parsed programme's schema lives in `src/shared/api/parsed-programme.ts`, shared with the web app. */
export * from "../../shared/api/parsed-programme.js";
