-- Undo V9: an index only; dropping it loses no data.
DROP INDEX ix_booking_requests_event_time_id;
