-- Team ownership: experiments (with their steps and results) and evaluation jobs belong to the submitting team.
ALTER TABLE experiment ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
ALTER TABLE eval_job ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
