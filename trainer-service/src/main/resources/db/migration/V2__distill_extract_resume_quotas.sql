-- Job kinds (TRAIN, DISTILL, EXTRACT), a validation metric per kind, resumption and query accounting.
ALTER TABLE training_job ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'TRAIN';
ALTER TABLE training_job ADD COLUMN teacher_model_id UUID;
ALTER TABLE training_job ADD COLUMN validation_metric VARCHAR(40) NOT NULL DEFAULT 'ndcg@10';
ALTER TABLE training_job RENAME COLUMN validation_ndcg10 TO validation_score;
ALTER TABLE training_job ADD COLUMN queries_spent BIGINT NOT NULL DEFAULT 0;
ALTER TABLE training_job ADD COLUMN query_set_uri VARCHAR(1000);
ALTER TABLE training_job ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE training_job ADD COLUMN resumed_from_epoch INTEGER;
ALTER TABLE training_job ADD COLUMN result TEXT;

ALTER TABLE training_epoch RENAME COLUMN validation_ndcg10 TO validation_score;
ALTER TABLE training_epoch RENAME COLUMN sequences_per_second TO examples_per_second;

ALTER TABLE model ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'TRAIN';
ALTER TABLE model ADD COLUMN validation_metric VARCHAR(40) NOT NULL DEFAULT 'ndcg@10';
ALTER TABLE model RENAME COLUMN validation_ndcg10 TO validation_score;
ALTER TABLE model ADD COLUMN lineage TEXT NOT NULL DEFAULT '{}';
ALTER TABLE model ADD COLUMN metrics TEXT NOT NULL DEFAULT '{}';

-- Black-box API clients: a key (stored as its SHA-256), a query budget and a rate limit.
CREATE TABLE api_client (
    name             VARCHAR(100) PRIMARY KEY,
    key_sha256       CHAR(64)     NOT NULL UNIQUE,
    query_budget     BIGINT       NOT NULL,
    queries_used     BIGINT       NOT NULL DEFAULT 0,
    rate_per_second  DOUBLE PRECISION NOT NULL
);
