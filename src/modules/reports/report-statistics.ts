/** The statistics table of a report, from the status engine (no Word library needed to compute it). */
import { type StatusSummary, statusRows } from "../follow-up/status/status.summary.js";
import { OVERDUE_BUCKET_LABELS_VI, OVERDUE_BUCKETS } from "../follow-up/status/status.types.js";
import type { ReportStatistics } from "./docx/report.model.js";

/**
 * Statistics for a report from the status engine's summary: the rows of `statusRows` and a note
 * with the overdue-age breakdown ("trong đó: quá hạn trên 120 ngày: 2 nhiệm vụ…").
 */
export function reportStatistics(summary: StatusSummary, asOf: string): ReportStatistics {
  const overdue = summary.byStatus.overdue;
  const parts = OVERDUE_BUCKETS.filter((b) => summary.overdueByBucket[b] > 0).map(
    (b) => `${OVERDUE_BUCKET_LABELS_VI[b].toLocaleLowerCase("vi")}: ${summary.overdueByBucket[b]}`,
  );
  const note = overdue > 0 ? `Trong số ${overdue} nhiệm vụ quá hạn: ${parts.join("; ")}.` : null;
  return { asOf, total: summary.total, rows: statusRows(summary), note };
}
