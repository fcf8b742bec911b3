-- Undo V1 (Alembic be5c4de9546c): back to Alembic's base, an empty schema. The table's
-- serial sequence and indexes go with it. Only reachable on databases built by these
-- migrations: an adopted database is baselined at 2 and refuses to go below it.
DROP TABLE booking_requests;
