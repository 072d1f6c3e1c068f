-- A cancel asked of whichever replica: the one running the job stops at its next target or stage.
ALTER TABLE attack_job ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;
