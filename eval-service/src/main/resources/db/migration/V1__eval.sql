CREATE TABLE eval_job (
    id                  UUID PRIMARY KEY,
    model_id            UUID          NOT NULL,
    model_uri           VARCHAR(1000) NOT NULL,
    dataset_id          UUID          NOT NULL,
    dataset_uri         VARCHAR(1000) NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    protocol            VARCHAR(40)   NOT NULL,
    users_evaluated     INTEGER,
    model_metrics       TEXT,
    popularity_metrics  TEXT,
    error               TEXT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX eval_job_status ON eval_job (status);

CREATE TABLE experiment (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    plan         TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    dataset_id   UUID,
    dataset_uri  VARCHAR(1000),
    model_id     UUID,
    model_uri    VARCHAR(1000),
    error        TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE experiment_step (
    job_id         UUID PRIMARY KEY,
    experiment_id  UUID         NOT NULL REFERENCES experiment (id),
    position       INTEGER      NOT NULL,
    name           VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    detail         TEXT,
    error          TEXT,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    UNIQUE (experiment_id, position)
);
