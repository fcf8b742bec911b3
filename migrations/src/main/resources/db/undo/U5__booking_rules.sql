-- Undo V5: drop the list indexes, the rules and the grandfathered marker.
DROP INDEX ix_booking_requests_submitted_by_id;
DROP INDEX ix_booking_requests_status_event_time_id;

ALTER TABLE booking_requests
    DROP CONSTRAINT booking_requests_no_overlap,
    DROP CONSTRAINT booking_requests_duration_minutes_check,
    DROP CONSTRAINT booking_requests_status_check,
    DROP COLUMN grandfathered;
