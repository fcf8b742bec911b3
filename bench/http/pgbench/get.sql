-- GET /booking/{id}/: the per-request account and session read, then the booking by id.
\set id random(1, :maxid)
SELECT u.id, u.username, u.hashed_password, u.disabled, u.role, u.password_changed_at,
       EXISTS (SELECT 1 FROM user_sessions s
                WHERE s.id = :sid::uuid AND s.user_id = u.id
                  AND s.ended_at IS NULL AND s.created_at > now() - interval '7 days' AND s.last_used_at > now() - interval '8 hours') AS session_active
  FROM users u
 WHERE u.username = 'admin';
SELECT id, event_time, address, duration_minutes, topic, requested_by, status,
       submitted_by, created_at, updated_at, decided_by, decided_at, version
  FROM booking_requests
 WHERE id = :id;
