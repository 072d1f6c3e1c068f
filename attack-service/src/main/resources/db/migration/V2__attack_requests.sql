-- Attacks are described by method, victim black box, surrogate, targets and parameters (contracts schema 3).
-- The pollution-only jobs of schema 2 stay readable in attack_job_v1.
ALTER TABLE attack_job RENAME TO attack_job_v1;
ALTER INDEX attack_job_status RENAME TO attack_job_v1_status;

CREATE TABLE attack_job (
    id                  UUID PRIMARY KEY,
    method              VARCHAR(40)   NOT NULL,
    chooser             VARCHAR(40)   NOT NULL,
    knowledge           VARCHAR(40)   NOT NULL,
    victim              JSONB         NOT NULL,
    surrogate_model_id  UUID,
    dataset_id          UUID          NOT NULL,
    dataset_uri         VARCHAR(1000) NOT NULL,
    targets             JSONB         NOT NULL,
    params              JSONB         NOT NULL,
    results             JSONB         NOT NULL,
    queries             BIGINT        NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    error               TEXT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX attack_job_status ON attack_job (status);
