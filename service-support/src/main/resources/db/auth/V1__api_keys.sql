-- API keys of the management APIs, shared by every service (the auth datasource, schema rankforge_auth). Only a SHA-256 of each key is
-- stored; the key itself is shown once, when it is created.
CREATE TABLE IF NOT EXISTS api_key (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    team        TEXT        NOT NULL,
    roles       TEXT        NOT NULL,
    key_hash    TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
