-- Inserts current_setting('bench.rows') bookings into booking_requests (bench/data/run runs it
-- through psql; ListQueryBuffersIT runs the same file through JDBC). Run VACUUM ANALYZE after it.
-- event_time: uniform over the 10 years (3,652 days) from 2020-01-01 UTC and uncorrelated with id:
-- the span is cut into as many equal slots as rows, the slots are shuffled over the ids, and each
-- booking starts at a random point of its slot and ends inside it, so accepted bookings never
-- overlap (V5's exclusion constraint holds for every row; none is grandfathered).
-- status: 70 % accepted, 20 % pending, 5 % rejected, 5 % cancelled, independent of id and time.
-- submitted_by is NULL (as on legacy rows): the listings measured are an administrator's.
-- The VACUUM after it can mark a page all-visible (index-only scans) only once the inserting
-- transaction's commit is on disk: the embedded test server commits asynchronously by default.
SET synchronous_commit = on;

CREATE TEMP TABLE bench_slots AS
SELECT row_number() OVER (ORDER BY random()) AS n, slot
  FROM generate_series(0, current_setting('bench.rows')::int - 1) AS slot;

INSERT INTO booking_requests
    (event_time, address, duration_minutes, topic, requested_by, status,
     created_at, updated_at, version)
SELECT b.event_time, b.address, b.duration_minutes, b.topic, b.requested_by, b.status,
       b.created_at, b.created_at, 0
  FROM (
    SELECT s.n,
           timestamptz '2020-01-01 00:00:00+00'
             + make_interval(secs => (s.slot + random() * (1 - d.minutes * 60 / p.slot_seconds)) * p.slot_seconds)
             AS event_time,
           jsonb_build_object('street', 'Bench Street ' || s.n, 'city', 'Bench City',
                              'zip', lpad((s.n % 100000)::text, 5, '0'), 'country', 'DE') AS address,
           d.minutes AS duration_minutes,
           'bench booking ' || s.n AS topic,
           'bench-user-' || (s.n % 1000) AS requested_by,
           CASE WHEN s.u < 0.70 THEN 'accepted'
                WHEN s.u < 0.90 THEN 'pending'
                WHEN s.u < 0.95 THEN 'rejected'
                ELSE 'cancelled' END AS status,
           timestamptz '2019-06-01 00:00:00+00' + make_interval(secs => s.n) AS created_at
      -- u here, not above: there ORDER BY random() would reuse the same value
      FROM (SELECT n, slot, random() AS u FROM bench_slots) s
      CROSS JOIN (SELECT 315532800.0 / current_setting('bench.rows')::int AS slot_seconds) p
      -- 1 to 60 minutes, at most half a slot (so up to 5 million rows)
      CROSS JOIN LATERAL (SELECT greatest(1, least(60, floor(p.slot_seconds / 120))::int - (s.n % 2)::int)
                                 AS minutes) d
  ) b
 ORDER BY b.n;

DROP TABLE bench_slots;
