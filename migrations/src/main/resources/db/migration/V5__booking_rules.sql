-- Booking rules the database itself guarantees.
--
-- Only what every row the Python service could have written satisfies: a status from
-- the set and a positive duration. Stricter rules for new input (non-empty topic,
-- duration <= 1440, ...) live in the domain; a CHECK here would break cancelling a
-- legacy row, since even a NOT VALID check fires when the row is updated.
ALTER TABLE booking_requests
    ADD CONSTRAINT booking_requests_status_check
        CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
    ADD CONSTRAINT booking_requests_duration_minutes_check
        CHECK (duration_minutes > 0),
    -- Accepted legacy bookings that already overlap; exempt from the exclusion below.
    ADD COLUMN grandfathered boolean NOT NULL DEFAULT false;

-- The Python service never checked overlaps, and an exclusion constraint cannot be
-- added NOT VALID, so existing conflicts are marked rather than rejected (or
-- silently changed). The range expression is the constraint's own.
DO $$
DECLARE
    booking record;
BEGIN
    FOR booking IN
        UPDATE booking_requests b
           SET grandfathered = true
         WHERE b.status = 'accepted'
           AND b.event_time IS NOT NULL
           AND EXISTS (
                SELECT 1
                  FROM booking_requests o
                 WHERE o.id <> b.id
                   AND o.status = 'accepted'
                   AND o.event_time IS NOT NULL
                   AND tsrange(o.event_time AT TIME ZONE 'UTC',
                               (o.event_time AT TIME ZONE 'UTC') + make_interval(mins => o.duration_minutes), '[)')
                    && tsrange(b.event_time AT TIME ZONE 'UTC',
                               (b.event_time AT TIME ZONE 'UTC') + make_interval(mins => b.duration_minutes), '[)'))
        RETURNING b.id, b.event_time, b.duration_minutes
    LOOP
        RAISE NOTICE 'booking % (% for % min) overlaps another accepted booking: grandfathered',
            booking.id, booking.event_time, booking.duration_minutes;
    END LOOP;
END
$$;

-- No double booking, also under concurrency (violations raise SQLSTATE 23P01).
-- timestamptz + interval is not immutable, the UTC timestamp range is; range types
-- have a built-in gist opclass, so no btree_gist extension is needed.
ALTER TABLE booking_requests
    ADD CONSTRAINT booking_requests_no_overlap
        EXCLUDE USING gist (
            tsrange(event_time AT TIME ZONE 'UTC',
                    (event_time AT TIME ZONE 'UTC') + make_interval(mins => duration_minutes), '[)') WITH &&
        ) WHERE (status = 'accepted' AND event_time IS NOT NULL AND NOT grandfathered);

-- List queries: by status ordered by time (keyset on id), and "my bookings".
CREATE INDEX ix_booking_requests_status_event_time_id ON booking_requests (status, event_time, id);
CREATE INDEX ix_booking_requests_submitted_by_id ON booking_requests (submitted_by, id);
