-- Experiments become plans of named steps run as a DAG; the fixed four-step chain is gone.
DROP TABLE experiment_step;
DROP TABLE experiment;

CREATE TABLE experiment (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    plan         JSONB        NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    error        TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX experiment_status ON experiment (status);

CREATE TABLE experiment_step (
    job_id         UUID PRIMARY KEY,
    experiment_id  UUID         NOT NULL REFERENCES experiment (id),
    position       INTEGER      NOT NULL,
    name           VARCHAR(300) NOT NULL,
    step           VARCHAR(64)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    spec           JSONB        NOT NULL,
    bindings       JSONB        NOT NULL,
    inputs         JSONB        NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    progress       JSONB,
    output         JSONB,
    error          TEXT,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    UNIQUE (experiment_id, name),
    UNIQUE (experiment_id, position)
);

CREATE TABLE experiment_result (
    id             BIGSERIAL PRIMARY KEY,
    experiment_id  UUID          NOT NULL REFERENCES experiment (id),
    step           VARCHAR(300)  NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    subject        VARCHAR(1000) NOT NULL,
    model_id       UUID,
    metric         VARCHAR(60)   NOT NULL,
    k              INTEGER,
    protocol       VARCHAR(60)   NOT NULL,
    split          VARCHAR(40)   NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    dataset_id     UUID,
    seed           BIGINT,
    bindings       JSONB         NOT NULL,
    lineage        JSONB         NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX experiment_result_experiment ON experiment_result (experiment_id);
CREATE INDEX experiment_result_metric ON experiment_result (metric, protocol);
