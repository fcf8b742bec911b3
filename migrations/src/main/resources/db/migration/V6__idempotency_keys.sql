-- Idempotency-Key support: one row per (user, key). A request with a known key but a
-- different fingerprint is refused; an in-progress one is a conflict; a completed one
-- replays the stored response. Keys are scoped per user so users cannot collide.
CREATE TABLE idempotency_keys (
    user_id         integer      NOT NULL
        CONSTRAINT idempotency_keys_user_id_fkey REFERENCES users (id),
    idempotency_key varchar(255) NOT NULL,
    fingerprint     varchar(128) NOT NULL,
    state           varchar(16)  NOT NULL
        CONSTRAINT idempotency_keys_state_check CHECK (state IN ('in_progress', 'completed')),
    response_status smallint     NULL,
    response_body   text         NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, idempotency_key)
);

-- Keys expire after 24 h; the purge deletes by age.
CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
