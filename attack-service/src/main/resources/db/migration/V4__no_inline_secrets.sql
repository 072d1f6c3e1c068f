-- Black-box secrets are passed by reference (authCredential) now: remove any secret an earlier version stored inline
-- with a job's victim.
UPDATE attack_job SET victim = victim - 'authValue' WHERE victim ? 'authValue';
