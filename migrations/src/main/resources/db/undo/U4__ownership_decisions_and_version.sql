-- Undo V4. Dropping the columns also drops their foreign keys.
ALTER TABLE users
    DROP COLUMN password_changed_at;

ALTER TABLE booking_requests
    DROP COLUMN version,
    DROP COLUMN decided_at,
    DROP COLUMN decided_by,
    DROP COLUMN updated_at,
    DROP COLUMN created_at,
    DROP COLUMN submitted_by;
