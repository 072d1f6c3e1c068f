CREATE TABLE known_dataset (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    artifact_uri  VARCHAR(1000) NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    users         INTEGER       NOT NULL,
    items         INTEGER       NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE training_job (
    id                 UUID PRIMARY KEY,
    dataset_id         UUID          NOT NULL,
    dataset_uri        VARCHAR(1000) NOT NULL,
    architecture       VARCHAR(40)   NOT NULL,
    params             TEXT          NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    epoch              INTEGER       NOT NULL DEFAULT 0,
    epochs             INTEGER       NOT NULL,
    loss               DOUBLE PRECISION,
    validation_ndcg10  DOUBLE PRECISION,
    model_id           UUID,
    error              TEXT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX training_job_status ON training_job (status);

CREATE TABLE training_epoch (
    job_id               UUID    NOT NULL REFERENCES training_job (id),
    epoch                INTEGER NOT NULL,
    loss                 DOUBLE PRECISION NOT NULL,
    validation_ndcg10    DOUBLE PRECISION NOT NULL,
    sequences_per_second DOUBLE PRECISION NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, epoch)
);

CREATE TABLE model (
    id                 UUID PRIMARY KEY,
    job_id             UUID          NOT NULL UNIQUE REFERENCES training_job (id),
    dataset_id         UUID          NOT NULL,
    architecture       VARCHAR(40)   NOT NULL,
    hyperparameters    TEXT          NOT NULL,
    artifact_uri       VARCHAR(1000) NOT NULL,
    sha256             CHAR(64)      NOT NULL,
    validation_ndcg10  DOUBLE PRECISION NOT NULL,
    best_epoch         INTEGER       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
