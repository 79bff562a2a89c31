/** When to poll a source next, and what its health record says after a success or a failure. */
import type { Updateable } from "kysely";
import type { MonitoringSourceTable } from "../monitoring.tables.js";

/** Longest wait between polls of a failing source. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/** Exponential backoff: interval × 2^failures, capped at a day. */
export function nextPollAfterFailure(now: Date, pollMinutes: number, failures: number): string {
  const minutes = Math.min(MAX_BACKOFF_MINUTES, pollMinutes * 2 ** Math.min(failures, 16));
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

export function successPatch(
  now: Date,
  source: Pick<MonitoringSourceTable, "poll_minutes">,
  validators: { etag?: string | undefined; lastModified?: string | undefined },
): Updateable<MonitoringSourceTable> {
  return {
    last_polled_at: now.toISOString(),
    last_success_at: now.toISOString(),
    consecutive_failures: 0,
    next_poll_at: new Date(now.getTime() + source.poll_minutes * 60_000).toISOString(),
    ...(validators.etag !== undefined && { etag: validators.etag }),
    ...(validators.lastModified !== undefined && { last_modified: validators.lastModified }),
    updated_at: now.toISOString(),
  };
}

export function failurePatch(
  now: Date,
  source: Pick<MonitoringSourceTable, "poll_minutes" | "consecutive_failures">,
  error: { code: string; message: string },
): Updateable<MonitoringSourceTable> {
  const failures = source.consecutive_failures + 1;
  return {
    last_polled_at: now.toISOString(),
    last_error_at: now.toISOString(),
    last_error_code: error.code,
    last_error_message: error.message.slice(0, 1000),
    consecutive_failures: failures,
    next_poll_at: nextPollAfterFailure(now, source.poll_minutes, failures),
    updated_at: now.toISOString(),
  };
}
