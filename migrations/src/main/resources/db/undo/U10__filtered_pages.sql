-- Undo V10: an index only; dropping it loses no data.
DROP INDEX ix_booking_requests_status_id_event_time;
