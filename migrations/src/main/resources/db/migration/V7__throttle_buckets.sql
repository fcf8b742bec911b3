-- Login and password-change throttle buckets, shared by every instance (Bucket4j's PostgreSQL
-- integration, select-for-update flavour). One row per bucket: the key is a kind and a SHA-256
-- digest of the username and client address (never the raw values), the state is Bucket4j's
-- serialised bucket, and expires_at (epoch milliseconds) is when the bucket is full again, after
-- which forgetting it loses nothing: the service's periodic work deletes expired rows.
CREATE TABLE throttle_buckets (
    id         varchar(64) NOT NULL,
    state      bytea       NULL,
    expires_at bigint      NULL,
    CONSTRAINT throttle_buckets_pkey PRIMARY KEY (id)
);

-- The purge deletes by expiry.
CREATE INDEX ix_throttle_buckets_expires_at ON throttle_buckets (expires_at);
