-- Sign-in sessions and their rotating refresh tokens (issue 14). A session is what one password
-- login started; it ends when signed out, revoked, its account's password changes or the account
-- is disabled (ended_at, end_reason), or expires (idle / absolute limits, computed from
-- last_used_at and created_at with the service's settings, so a lowered limit applies at once).
CREATE TABLE user_sessions (
    id             uuid         NOT NULL,
    user_id        integer      NOT NULL
        CONSTRAINT user_sessions_user_id_fkey REFERENCES users (id),
    created_at     timestamptz  NOT NULL,
    last_used_at   timestamptz  NOT NULL,
    ended_at       timestamptz  NULL,
    end_reason     varchar(20)  NULL
        CONSTRAINT user_sessions_end_reason_check CHECK (end_reason IN
            ('signed_out', 'token_reused', 'password_changed', 'disabled', 'ended_by_admin')),
    client_address varchar(64)  NULL,
    user_agent     varchar(256) NULL,
    CONSTRAINT user_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT user_sessions_ended_check CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);

-- An account's sessions: listing them, ending them all, purging the old ones.
CREATE INDEX ix_user_sessions_user_id_created_at ON user_sessions (user_id, created_at);

-- Only the SHA-256 of a refresh token is stored. Used tokens stay (used_at set) until their
-- session is purged, so that a second use is recognised and ends the session.
CREATE TABLE refresh_tokens (
    token_hash bytea       NOT NULL,
    session_id uuid        NOT NULL
        CONSTRAINT refresh_tokens_session_id_fkey REFERENCES user_sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    used_at    timestamptz NULL,
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (token_hash),
    CONSTRAINT refresh_tokens_token_hash_check CHECK (octet_length(token_hash) = 32)
);

CREATE INDEX ix_refresh_tokens_session_id ON refresh_tokens (session_id);
