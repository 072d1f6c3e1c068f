-- JSON held as jsonb and mapped to typed fields by Hibernate, no longer TEXT parsed by hand.
ALTER TABLE training_job
    ALTER COLUMN params TYPE jsonb USING params::jsonb,
    ALTER COLUMN result TYPE jsonb USING result::jsonb;
ALTER TABLE model ALTER COLUMN lineage DROP DEFAULT, ALTER COLUMN metrics DROP DEFAULT;
ALTER TABLE model
    ALTER COLUMN hyperparameters TYPE jsonb USING hyperparameters::jsonb,
    ALTER COLUMN lineage TYPE jsonb USING lineage::jsonb,
    ALTER COLUMN metrics TYPE jsonb USING metrics::jsonb;
ALTER TABLE model ALTER COLUMN lineage SET DEFAULT '{}'::jsonb, ALTER COLUMN metrics SET DEFAULT '{}'::jsonb;
-- Specs stored before transformers existed named no layers, heads or dropout: give them a recurrent model's.
UPDATE model
   SET hyperparameters = jsonb_set(hyperparameters, '{model}',
                                   '{"layers": 1, "heads": 1, "dropout": 0.0}'::jsonb || (hyperparameters -> 'model'))
 WHERE jsonb_typeof(hyperparameters -> 'model') = 'object' AND hyperparameters -> 'model' -> 'layers' IS NULL;
