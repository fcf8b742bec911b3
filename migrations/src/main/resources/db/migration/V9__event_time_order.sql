-- Listings ordered by event time (GET /booking/?order=event_time, the console's queue and
-- week view) page by the keyset (event_time, id): each page is one range scan of this
-- index. Bookings without an event time (legacy rows) sort last and are read from the same
-- index (its NULLs come last, in id order). The (status, event_time, id) index of V5 serves
-- the same order when a status filter is given.
CREATE INDEX ix_booking_requests_event_time_id ON booking_requests (event_time, id);
