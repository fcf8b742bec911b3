package io.bookingservice.bootstrap.config;

/** How log lines are written (LOG_FORMAT). */
public enum LogFormat {
    TEXT,
    /** One JSON object per line, for log shippers. */
    JSON
}
