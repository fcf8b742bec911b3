-- Event times become instants: the Python service stored UTC wall-clock time in a
-- timestamp without time zone, so legacy values are read as UTC (not as the session
-- time zone, which would silently shift them).
-- address becomes jsonb so it can be queried and compared; the content is unchanged
-- (jsonb drops only insignificant whitespace and key order).
ALTER TABLE booking_requests
    ALTER COLUMN event_time TYPE timestamptz USING event_time AT TIME ZONE 'UTC',
    ALTER COLUMN address    TYPE jsonb       USING address::jsonb;
