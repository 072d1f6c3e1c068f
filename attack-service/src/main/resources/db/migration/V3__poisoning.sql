-- Data poisoning jobs: the stage reached and what was made (derived dataset, clean and poisoned retrains).
ALTER TABLE attack_job ADD COLUMN stage VARCHAR(20);
ALTER TABLE attack_job ADD COLUMN poisoning JSONB;
