-- Black-box secrets are passed by reference (authCredential) now: remove any secret an earlier version stored inline
-- with a job, and the redaction placeholder beside a model's hyperparameters.
UPDATE training_job
   SET params = (params::jsonb #- '{extraction,target,authValue}')::text
 WHERE params LIKE '%"authValue"%';
UPDATE model
   SET hyperparameters = (hyperparameters::jsonb #- '{training,extraction,target,authValue}')::text
 WHERE hyperparameters LIKE '%"authValue"%';
