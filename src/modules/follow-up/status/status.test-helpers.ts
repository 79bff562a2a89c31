import type { CheckIn, FollowUpTask, TaskTimeframe } from "./status.types.js";

/** Test factory: a task with a time frame and check-ins. */
export function buildTask(
  timeframe: TaskTimeframe,
  checkIns: CheckIn[] = [],
  extra: Partial<FollowUpTask> = {},
): FollowUpTask {
  return { id: extra.id ?? "II.7", timeframe, checkIns, ...extra };
}

/** Test factory: a check-in submitted on `submittedAt`, pending unless `confirmation` says otherwise. */
export function buildCheckIn(submittedAt: string, extra: Partial<CheckIn> = {}): CheckIn {
  return {
    period: "2024-Q2",
    submittedAt,
    progress: 50,
    reportedComplete: false,
    confirmation: { state: "pending" },
    ...extra,
  };
}

/** A confirmed completion report. */
export function completion(
  submittedAt: string,
  confirmedAt: string,
  completedOn: string | null = null,
  extra: Partial<CheckIn> = {},
): CheckIn {
  return buildCheckIn(submittedAt, {
    progress: 100,
    reportedComplete: true,
    completedOn,
    confirmation: { state: "confirmed", at: confirmedAt },
    ...extra,
  });
}
