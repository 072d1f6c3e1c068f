-- An evaluation's metrics held as jsonb and mapped to typed fields by Hibernate, no longer TEXT parsed by hand.
ALTER TABLE eval_job
    ALTER COLUMN model_metrics TYPE jsonb USING model_metrics::jsonb,
    ALTER COLUMN popularity_metrics TYPE jsonb USING popularity_metrics::jsonb;
