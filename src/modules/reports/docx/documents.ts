/**
 * The Word and Excel builders in one place, for loading on demand: `docx` and `exceljs` weigh ~40 MB
 * and half a second together, which a server that has not exported anything yet should not pay.
 *
 * @example const { buildReportDocx } = await loadDocumentBuilders();
 */
export { buildTaskAnnexXlsx } from "./annex.xlsx.js";
export { buildReportDocx } from "./report.docx.js";
export { buildUrgingNoticeDocx } from "./urging-notice.docx.js";
