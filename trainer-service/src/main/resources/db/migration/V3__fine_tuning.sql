-- TRAIN jobs may start from a registered model's weights (fine-tuning).
ALTER TABLE training_job ADD COLUMN initial_model_id UUID;
