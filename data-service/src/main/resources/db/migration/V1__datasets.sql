CREATE TABLE dataset (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    source        VARCHAR(40)   NOT NULL,
    spec          TEXT          NOT NULL,
    users         INTEGER       NOT NULL,
    items         INTEGER       NOT NULL,
    interactions  BIGINT        NOT NULL,
    artifact_uri  VARCHAR(1000) NOT NULL,
    sha256        CHAR(64)      NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
