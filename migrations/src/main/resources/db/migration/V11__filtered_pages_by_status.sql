-- Filtered pages in id order with one status (GET /booking/?status=…&from=…&to=…): one partial
-- index per status, of (id, event_time). The list query's second step reads the rows whose ids lie
-- between the page's first and last id (BookingMapper.xml, "list"). Over V10's
-- (status, id, event_time) the planner prices those table reads as random, over the primary key as
-- sequential (ids follow the table's order), so for a common status over a wide range it took the
-- primary key and read every booking between the two ids, of any status or time, from the table
-- (one table page per 35 bookings: 48-57 shared buffers for a page of pending bookings over 10 %
-- of 1,000,000, bench/data). These indexes are in id order like the primary key and check
-- event_time in the index, so only the page's own rows are read from the table.
CREATE INDEX ix_booking_requests_pending_id_event_time ON booking_requests (id, event_time) WHERE status = 'pending';
CREATE INDEX ix_booking_requests_accepted_id_event_time ON booking_requests (id, event_time) WHERE status = 'accepted';
CREATE INDEX ix_booking_requests_rejected_id_event_time ON booking_requests (id, event_time) WHERE status = 'rejected';
CREATE INDEX ix_booking_requests_cancelled_id_event_time ON booking_requests (id, event_time) WHERE status = 'cancelled';
