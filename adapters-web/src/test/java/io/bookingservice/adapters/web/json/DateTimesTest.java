package io.bookingservice.adapters.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DateTimes#format} writes its common years itself; the text must stay ISO_INSTANT's. */
class DateTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-05T14:00:00Z", "2024-11-05T14:00:00.100Z", "2024-11-05T14:00:00.000100Z",
            "2024-11-05T14:00:00.000000100Z", "2024-11-05T14:00:00.123456789Z", "2024-02-29T23:59:59.999Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z", "0999-03-01T01:02:03.01Z"})
    void writesWhatIsoInstantWrites(String text) {
        Instant instant = Instant.parse(text);

        assertThat(DateTimes.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "0000-12-31T23:59:59.5Z", "-0001-06-01T12:00:00Z"})
    void yearsBeyondOneToNineThousandNineHundredNinetyNineAreIsoInstantsToo(String text) {
        Instant instant = Instant.parse(text);

        assertThat(DateTimes.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Test
    void agreesWithIsoInstantOnRandomInstantsOfEveryPrecision() {
        SplittableRandom random = new SplittableRandom(20261202L);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() - 86_400L * 366;
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400L * 366;
        int[] units = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 200_000; i++) {
            int unit = units[i % units.length];
            int nanos = unit == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / unit) * unit;
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);

            String ours = DateTimes.format(instant);
            String theirs = DateTimeFormatter.ISO_INSTANT.format(instant);
            if (!ours.equals(theirs)) {
                assertThat(ours).as("format(%s)", theirs).isEqualTo(theirs);
            }
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(DateTimes.format(null)).isNull();
    }
}
