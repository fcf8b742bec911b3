-- Alembic revision be5c4de9546c, reproduced exactly (see the legacy pg_dump fixture):
-- databases created by the Python service are adopted by baselining at V2, so the
-- schema built from V1..V2 must be indistinguishable from theirs.
-- serial gives the same integer column, "AS integer" sequence owned by it and
-- nextval default that SQLAlchemy's Integer primary key produced.
CREATE TABLE booking_requests (
    id               serial                      NOT NULL,
    event_time       timestamp without time zone,
    address          json                        NOT NULL,
    duration_minutes smallint                    NOT NULL,
    topic            varchar                     NOT NULL,
    requested_by     varchar(100)                NOT NULL,
    status           varchar(10)                 NOT NULL,
    CONSTRAINT booking_requests_pkey PRIMARY KEY (id)
);

-- Redundant with the primary key, but Alembic created it (index=True), so it stays.
CREATE INDEX ix_booking_requests_id ON booking_requests (id);
