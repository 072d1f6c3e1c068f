CREATE TABLE attack_job (
    id                UUID PRIMARY KEY,
    victim_model_id   UUID          NOT NULL,
    dataset_id        UUID          NOT NULL,
    dataset_uri       VARCHAR(1000) NOT NULL,
    target_item       INTEGER,
    injected_items    VARCHAR(1000),
    injected_count    INTEGER       NOT NULL,
    max_users         INTEGER       NOT NULL,
    k                 INTEGER       NOT NULL,
    seed              BIGINT        NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    users_attacked    INTEGER,
    hit_rate_before   DOUBLE PRECISION,
    hit_rate_after    DOUBLE PRECISION,
    ndcg_before       DOUBLE PRECISION,
    ndcg_after        DOUBLE PRECISION,
    queries           BIGINT,
    error             TEXT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX attack_job_status ON attack_job (status);
