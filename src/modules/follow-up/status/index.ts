/** Follow-up status engine: official task statuses as of a date (QĐ 42/2014/QĐ-TTg practice). */
export * from "./status.buckets.js";
export * from "./status.engine.js";
export * from "./status.periods.js";
export * from "./status.summary.js";
export * from "./status.types.js";
