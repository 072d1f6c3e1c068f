-- Uploaded files of any supported format, their statistics and id maps.
ALTER TABLE dataset ADD COLUMN statistics TEXT NOT NULL DEFAULT '{}';
ALTER TABLE dataset ADD COLUMN id_maps_uri VARCHAR(1000);
UPDATE dataset SET source = 'UPLOAD' WHERE source = 'MOVIELENS_1M';

-- Derived versions (a base plus appended fake profiles, for data poisoning) keep their lineage.
ALTER TABLE dataset ADD COLUMN base_dataset_id UUID REFERENCES dataset (id);

-- What uses a dataset version (training jobs and the models they register), learnt from training-events;
-- a referenced version cannot be deleted.
CREATE TABLE dataset_reference (
    dataset_id   UUID        NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    reference_id UUID        NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dataset_id, kind, reference_id)
);
