-- POST /booking/: the per-request account and session read, then the INSERT ... RETURNING in a
-- transaction (the statements the service sends, as pg_stat_statements lists them in bench/http/run's output).
-- Sent the way pgjdbc sends them: BEGIN goes in one round trip with the INSERT (PostgreSQL's log with
-- log_min_duration_statement=0 shows "statement: BEGIN" then the INSERT's parse/bind/execute before one
-- answer), hence the pipeline; COMMIT is a round trip of its own, as it is for the service.
SELECT u.id, u.username, u.hashed_password, u.disabled, u.role, u.password_changed_at,
       EXISTS (SELECT 1 FROM user_sessions s
                WHERE s.id = :sid::uuid AND s.user_id = u.id
                  AND s.ended_at IS NULL AND s.created_at > now() - interval '7 days' AND s.last_used_at > now() - interval '8 hours') AS session_active
  FROM users u
 WHERE u.username = 'admin';
\startpipeline
BEGIN;
INSERT INTO booking_requests
       (event_time, address, duration_minutes, topic, requested_by, status,
        submitted_by, created_at, updated_at, decided_by, decided_at, version)
VALUES ('2031-03-04 10:00:00+00', '{"city": "Springfield", "state": null, "street": "1 Main St", "country": "United States"}',
        30, 'Bench', 'ops@example.org', 'pending', :uid, now(), now(), NULL, NULL, 0)
RETURNING id, event_time, address, duration_minutes, topic, requested_by, status,
       submitted_by, created_at, updated_at, decided_by, decided_at, version;
\endpipeline
COMMIT;
