-- Undo V7: throttle buckets are only recent attempt counts; dropping them resets every limit.
DROP TABLE throttle_buckets;
