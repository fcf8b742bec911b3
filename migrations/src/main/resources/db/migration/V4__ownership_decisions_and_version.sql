-- Who submitted a booking, who decided it and when, and an optimistic-locking version.
-- All new audit columns are nullable: legacy rows carry no such information and NULL
-- means "unknown" (never "now" or "the admin"). Users are disabled, never deleted, so
-- plain foreign keys (NO ACTION) are enough.
ALTER TABLE booking_requests
    ADD COLUMN submitted_by integer     NULL
        CONSTRAINT booking_requests_submitted_by_fkey REFERENCES users (id),
    ADD COLUMN created_at   timestamptz NULL,
    ADD COLUMN updated_at   timestamptz NULL,
    ADD COLUMN decided_by   integer     NULL
        CONSTRAINT booking_requests_decided_by_fkey REFERENCES users (id),
    ADD COLUMN decided_at   timestamptz NULL,
    -- Constant default: PostgreSQL adds it without rewriting the table.
    ADD COLUMN version      bigint      NOT NULL DEFAULT 0;

-- Unknown for existing users; lets tokens issued before a password change be refused.
ALTER TABLE users
    ADD COLUMN password_changed_at timestamptz NULL;
