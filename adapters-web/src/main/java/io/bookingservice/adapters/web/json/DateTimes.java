package io.bookingservice.adapters.web.json;

import io.bookingservice.adapters.web.error.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Date-times as clients send and read them. Input: RFC 3339 with an offset, or without one
 * (read as UTC, as the Python service stored naive times as UTC wall time), with {@code T}
 * or a space, or a bare date (midnight UTC), in the years 1–9999 as written (Python's
 * {@code datetime} range, which pydantic enforced; {@code java.time} would also take
 * {@code +300000-01-01}, beyond what PostgreSQL stores). Output: RFC 3339 in UTC with {@code Z}.
 */
public final class DateTimes {

    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;
    private static final Pattern LONG_YEAR = Pattern.compile("\\d{5,}.*", Pattern.DOTALL);

    private DateTimes() {
    }

    /** @return the instant, or {@code null} when the text is no date-time in the years 1–9999 */
    public static Instant parse(String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return inRange(withOffset.getYear()) ? withOffset.toInstant() : null;
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                return inRange(local.getYear()) ? local.toInstant(ZoneOffset.UTC) : null;
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
                    return inRange(date.getYear()) ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /**
     * The 422 entry for text {@link #parse} refused. Years outside 1–9999 get the words
     * pydantic 2 used for them (checked against pydantic 2.13): a sign or a fifth digit is
     * "invalid character in year" / "invalid date separator, expected `-`", year 0 is
     * "year 0 is out of range"; any other refusal keeps this service's general wording.
     */
    public static FieldError refusal(List<Object> loc, String text) {
        String value = text.strip();
        if (value.startsWith("+") || value.startsWith("-")) {
            return speedate(loc, text, "invalid character in year");
        }
        if (LONG_YEAR.matcher(value).matches()) {
            return speedate(loc, text, "invalid date separator, expected `-`");
        }
        if (value.startsWith("0000-")) {
            return new FieldError("datetime_parsing", loc, "Input should be a valid datetime, year 0 is out of range",
                    text, Map.of("error", "year 0 is out of range"));
        }
        return FieldError.of("datetime_from_date_parsing", loc,
                "Input should be a valid datetime or date, invalid datetime format", text);
    }

    /** {@code 2024-11-05T14:00:00Z}; fractions only when there are any. */
    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static FieldError speedate(List<Object> loc, String text, String error) {
        return new FieldError("datetime_from_date_parsing", loc, "Input should be a valid datetime or date, " + error,
                text, Map.of("error", error));
    }
}
