-- Replica-safe jobs: a RUNNING job is leased to the replica running it, which renews the lease; another replica
-- takes the job over only once the lease expired.
ALTER TABLE eval_job ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE eval_job ADD COLUMN lease_expires_at TIMESTAMPTZ;
CREATE INDEX eval_job_running_leases ON eval_job (lease_expires_at) WHERE status = 'RUNNING';
