-- Team ownership: jobs and the models they register belong to the requesting team; announced datasets keep theirs.
ALTER TABLE training_job ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
ALTER TABLE model ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
ALTER TABLE known_dataset ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
