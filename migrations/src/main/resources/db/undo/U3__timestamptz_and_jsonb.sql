-- Undo V3: back to UTC wall-clock timestamps and json, as the Python service expects.
-- json re-rendered from jsonb keeps every value; only key order/whitespace may differ.
ALTER TABLE booking_requests
    ALTER COLUMN event_time TYPE timestamp without time zone USING event_time AT TIME ZONE 'UTC',
    ALTER COLUMN address    TYPE json                        USING address::json;
