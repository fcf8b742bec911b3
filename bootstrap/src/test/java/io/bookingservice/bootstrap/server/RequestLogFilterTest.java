package io.bookingservice.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestLogFilterTest {

    @Test
    void latencyReadsAsStringFormatWroteIt() {
        assertThat(RequestLogFilter.millis(0)).isEqualTo("0.0");
        assertThat(RequestLogFilter.millis(49)).isEqualTo("0.0");
        assertThat(RequestLogFilter.millis(50)).isEqualTo("0.1");
        assertThat(RequestLogFilter.millis(1_250)).isEqualTo("1.3");
        assertThat(RequestLogFilter.millis(9_950)).isEqualTo("10.0");
        assertThat(RequestLogFilter.millis(123_456_789)).isEqualTo("123456.8");
        for (long micros = 0; micros <= 200_000; micros++) {
            assertThat(RequestLogFilter.millis(micros)).isEqualTo(formatted(micros));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long micros = random.nextLong(0, 3_600_000_000L);
            assertThat(RequestLogFilter.millis(micros)).isEqualTo(formatted(micros));
        }
    }

    private static String formatted(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
