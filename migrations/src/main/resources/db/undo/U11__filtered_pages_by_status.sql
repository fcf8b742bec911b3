-- Undo V11: indexes only; dropping them loses no data.
DROP INDEX ix_booking_requests_cancelled_id_event_time;
DROP INDEX ix_booking_requests_rejected_id_event_time;
DROP INDEX ix_booking_requests_accepted_id_event_time;
DROP INDEX ix_booking_requests_pending_id_event_time;
