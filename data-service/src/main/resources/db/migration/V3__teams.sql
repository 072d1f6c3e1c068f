-- Team ownership: every version belongs to the team that created it; identical content is one version per team.
ALTER TABLE dataset ADD COLUMN team VARCHAR(100) NOT NULL DEFAULT 'default';
ALTER TABLE dataset DROP CONSTRAINT dataset_sha256_key;
CREATE UNIQUE INDEX dataset_team_sha256 ON dataset (team, sha256);
