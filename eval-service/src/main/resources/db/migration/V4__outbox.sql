-- The transactional outbox (service-support's Outbox): events committed with the state change they announce,
-- deleted once the broker acknowledged them.
CREATE TABLE outbox_message (
    id         BIGSERIAL PRIMARY KEY,
    channel    VARCHAR(100) NOT NULL,
    payload    TEXT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
