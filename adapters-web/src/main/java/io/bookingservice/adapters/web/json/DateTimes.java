package io.bookingservice.adapters.web.json;

import io.bookingservice.adapters.web.error.FieldError;
import java.nio.charset.StandardCharsets;
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
    /** The first and last second of the years 1–9999, which {@link #format} writes itself. */
    private static final long FIRST_SECOND = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long LAST_SECOND = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
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

    /**
     * {@code 2024-11-05T14:00:00Z}; fractions only when there are any, in groups of three digits:
     * exactly {@link DateTimeFormatter#ISO_INSTANT}'s text. Written out here for the years 1–9999
     * (every time the service stores), because the formatter's general machinery was 6 % of the
     * service's CPU serving pages of 100 bookings, four times per booking (async-profiler,
     * {@code bench/http/run --profile}); other years still go through it. {@code DateTimesTest}
     * holds both to the same text.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        // Straight into Latin-1 bytes: through a StringBuilder and Integer.toString the pieces
        // were 13 % of the bytes a page of 100 allocates (async-profiler, alloc).
        byte[] text = new byte[30];
        int end = digits(text, 0, time.getYear(), 4);
        text[end] = '-';
        end = digits(text, end + 1, time.getMonthValue(), 2);
        text[end] = '-';
        end = digits(text, end + 1, time.getDayOfMonth(), 2);
        text[end] = 'T';
        end = digits(text, end + 1, time.getHour(), 2);
        text[end] = ':';
        end = digits(text, end + 1, time.getMinute(), 2);
        text[end] = ':';
        end = digits(text, end + 1, time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[end] = '.';
            if (nanos % 1_000_000 == 0) {
                end = digits(text, end + 1, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                end = digits(text, end + 1, nanos / 1_000, 6);
            } else {
                end = digits(text, end + 1, nanos, 9);
            }
        }
        text[end] = 'Z';
        return new String(text, 0, end + 1, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code value} (not negative, at most {@code width} digits) with leading zeros to
     * {@code width} digits at {@code at}; returns where it ends.
     */
    private static int digits(byte[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static FieldError speedate(List<Object> loc, String text, String error) {
        return new FieldError("datetime_from_date_parsing", loc, "Input should be a valid datetime or date, " + error,
                text, Map.of("error", error));
    }
}
