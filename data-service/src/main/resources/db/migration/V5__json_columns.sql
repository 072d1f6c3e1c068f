-- JSON held as jsonb and mapped to typed fields by Hibernate, no longer TEXT parsed by hand.
ALTER TABLE dataset ALTER COLUMN statistics DROP DEFAULT;
ALTER TABLE dataset
    ALTER COLUMN spec TYPE jsonb USING spec::jsonb,
    ALTER COLUMN statistics TYPE jsonb USING statistics::jsonb;
ALTER TABLE dataset ALTER COLUMN statistics SET DEFAULT '{}'::jsonb;
