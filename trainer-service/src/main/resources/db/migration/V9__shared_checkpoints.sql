-- A job's checkpoint lives in the artifact store (shared by every replica, an object store in the fleet) and the
-- job's row names it; checkpoints that earlier versions left in a replica's local directory are no longer read.
ALTER TABLE training_job ADD COLUMN checkpoint_uri VARCHAR(1000);
