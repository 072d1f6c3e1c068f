-- Replica-safe jobs: a RUNNING job is leased to the replica running it, which renews the lease; another replica
-- takes the job over only once the lease expired.
ALTER TABLE training_job ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE training_job ADD COLUMN lease_expires_at TIMESTAMPTZ;
CREATE INDEX training_job_running_leases ON training_job (lease_expires_at) WHERE status = 'RUNNING';
-- A cancel asked of any replica reaches the one running the job: it reads this flag every few seconds.
ALTER TABLE training_job ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;
