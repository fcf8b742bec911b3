-- Undo V6: stored responses are only a retry cache, so dropping them loses nothing durable.
DROP TABLE idempotency_keys;
