-- Team ownership: an attack job belongs to the requesting team; its surrogate and victim must be that team's models.
ALTER TABLE attack_job ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
