package io.bookingservice.adapters.web.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Date-times as clients send and read them. Input: RFC 3339 with an offset, or without one
 * (read as UTC, as the Python service stored naive times as UTC wall time), with {@code T}
 * or a space, or a bare date (midnight UTC). Output: RFC 3339 in UTC with {@code Z}.
 */
public final class DateTimes {

    private DateTimes() {
    }

    /** @return the instant, or {@code null} when the text is no date-time */
    public static Instant parse(String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** {@code 2024-11-05T14:00:00Z}; fractions only when there are any. */
    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
