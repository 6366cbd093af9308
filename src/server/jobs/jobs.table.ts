export type JobLeaseTable = {
  name: string;
  locked_until: string;
  locked_by: string | null;
  last_run_at: string | null;
};
export type JobRunTable = { run_key: string; workspace_id: string | null; done_at: string };
export type JobTables = { job_leases: JobLeaseTable; job_runs: JobRunTable };
