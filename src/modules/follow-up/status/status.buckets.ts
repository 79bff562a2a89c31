import type { OverdueBucket } from "./status.types.js";

/**
 * The age class of an overdue task: ≤ 30, 31–90, 91–120 or > 120 days overdue.
 *
 * @example overdueBucket(121) // "over_120"
 * @throws RangeError when `daysOverdue` is not a positive integer (a task due today is not overdue).
 */
export function overdueBucket(daysOverdue: number): OverdueBucket {
  if (!Number.isInteger(daysOverdue) || daysOverdue < 1) {
    throw new RangeError(`Days overdue must be a positive integer, got ${daysOverdue}`);
  }
  if (daysOverdue <= 30) return "up_to_30";
  if (daysOverdue <= 90) return "31_to_90";
  if (daysOverdue <= 120) return "91_to_120";
  return "over_120";
}
