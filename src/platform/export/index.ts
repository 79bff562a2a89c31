/** List exports (CSV for Excel, XLSX) shared by every module. */
export * from "./export.columns.js";
export * from "./export.csv.js";
export * from "./export.xlsx.js";
