export type JobStatus = "pending" | "running" | "done" | "failed" | "dead";

export interface JobTable {
  id: string;
  name: string;
  payload_json: string;
  /** Same key → same job: enqueueing twice (two processes, a retry) creates one job. */
  idempotency_key: string | null;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  /** A running job whose lease expired (its worker died) may be claimed again. */
  locked_until: string | null;
  last_error: string | null;
  result_json: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface JobTables {
  jobs: JobTable;
}
