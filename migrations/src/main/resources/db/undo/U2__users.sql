-- Undo V2 (Alembic 00ba29ba9ef0): drops users with its sequence and indexes. V3+ are undone
-- first, so no foreign key references it any more.
DROP TABLE users;
