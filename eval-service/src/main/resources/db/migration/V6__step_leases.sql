-- Replica-safe experiments: a step whose work runs in eval-service (dataset, evaluate), or whose request is being
-- sent, is leased to the replica doing it; another replica takes it over once the lease expired. A RUNNING step with
-- no lease waits on its job in another service. Steps running when this migration ran are taken over at once, as
-- the restart that applies it used to do.
ALTER TABLE experiment_step ADD COLUMN lease_owner VARCHAR(200);
ALTER TABLE experiment_step ADD COLUMN lease_expires_at TIMESTAMPTZ;
UPDATE experiment_step SET lease_owner = 'before-leases', lease_expires_at = now() WHERE status = 'RUNNING';
CREATE INDEX experiment_step_running_leases ON experiment_step (lease_expires_at) WHERE status = 'RUNNING';
