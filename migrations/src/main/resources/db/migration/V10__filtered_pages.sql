-- Filtered pages in id order (GET /booking/?status=…&from=…&to=…): a status filter over a
-- wide event-time range reads this index in id order and checks event_time in the index
-- itself, so only the bookings on the page are read from the table (event_time is not
-- correlated with id, so (status, event_time, id) of V5 would have to read the whole range).
-- Rarer ranges use (event_time, id) of V9 or (status, event_time, id) of V5; the list query
-- finds a page's ids with an index-only scan first (BookingMapper.xml, "list").
CREATE INDEX ix_booking_requests_status_id_event_time ON booking_requests (status, id, event_time);
