-- A model its owning team has shared with another team, which then sees and uses it (never shares it on).
CREATE TABLE model_share (
    model_id  UUID         NOT NULL REFERENCES model (id) ON DELETE CASCADE,
    team      VARCHAR(100) NOT NULL,
    shared_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model_id, team)
);
CREATE INDEX model_share_team ON model_share (team);
