package io.bookingservice.domain.booking;

import static io.bookingservice.domain.booking.BookingExamples.ALICE;
import static io.bookingservice.domain.booking.BookingExamples.CLOCK;
import static io.bookingservice.domain.booking.BookingExamples.NOW;
import static io.bookingservice.domain.booking.BookingExamples.TEN_AM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Rule;
import io.bookingservice.domain.Violation;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingDetailsTest {

    private static final AddressInput ADDRESS = new AddressInput("1 Main Street", "Springfield", "IL", "USA");
    private static final String EMAIL = "contact@example.com";

    private static BookingDetails details(Instant eventTime, AddressInput address, Integer duration, String topic,
                                          String requestedBy) {
        return BookingDetails.of(eventTime, address, duration, topic, requestedBy, CLOCK);
    }

    private static List<Violation> violationsOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.violations();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void aValidRequestIsNormalised() {
        BookingDetails details = details(TEN_AM, new AddressInput(" 1 Main Street ", "Springfield", "  ", "usa"), 60,
                "  Hexagons  ", EMAIL);

        assertThat(details.topic()).isEqualTo("Hexagons");
        assertThat(details.address()).isEqualTo(new Address("1 Main Street", "Springfield", null, "United States"));
        assertThat(details.requestedBy().value()).isEqualTo(EMAIL);
    }

    @Test
    void aSubmittedBookingIsPendingAndOwnedByItsSubmitter() {
        Booking booking = Booking.submit(details(TEN_AM, ADDRESS, 60, "Hexagons", EMAIL), ALICE, CLOCK);

        assertThat(booking.id()).isNull();
        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(booking.audit().submittedBy()).isEqualTo(ALICE.id());
        assertThat(booking.audit().createdAt()).isEqualTo(NOW);
        assertThat(booking.request().requestedBy()).isEqualTo(EMAIL);
        assertThat(booking.decision().decidedBy()).isNull();
        assertThat(booking.version()).isZero();
    }

    @Test
    void anEventTimeFiftyNineMinutesAgoIsAccepted() {
        assertThat(details(NOW.minus(Duration.ofMinutes(59)), ADDRESS, 60, "t", EMAIL).eventTime())
                .isEqualTo(NOW.minus(Duration.ofMinutes(59)));
    }

    @Test
    void anEventTimeMoreThanAnHourAgoIsRefused() {
        assertThat(violationsOf(() -> details(NOW.minus(Duration.ofMinutes(61)), ADDRESS, 60, "t", EMAIL)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("eventTime", Rule.IN_THE_PAST));
    }

    @Test
    void aMissingEventTimeIsAllowedAsThePythonServiceDid() {
        assertThat(details(null, ADDRESS, 60, "t", EMAIL).eventTime()).isNull();
    }

    @Test
    void durationsFromOneMinuteToOneDayAreAccepted() {
        assertThat(details(TEN_AM, ADDRESS, 1, "t", EMAIL).durationMinutes()).isEqualTo(1);
        assertThat(details(TEN_AM, ADDRESS, 1440, "t", EMAIL).durationMinutes()).isEqualTo(1440);
    }

    @Test
    void aZeroDurationIsRefused() {
        assertThat(violationsOf(() -> details(TEN_AM, ADDRESS, 0, "t", EMAIL)))
                .extracting(Violation::field, Violation::rule, Violation::limit)
                .containsExactly(tuple("durationMinutes", Rule.NOT_ABOVE, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1441, 32767, Integer.MAX_VALUE})
    void aDurationLongerThanADayIsRefused(int minutes) {
        assertThat(violationsOf(() -> details(TEN_AM, ADDRESS, minutes, "t", EMAIL)))
                .extracting(Violation::field, Violation::rule, Violation::limit)
                .containsExactly(tuple("durationMinutes", Rule.ABOVE_MAXIMUM, 1440));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n "})
    void aBlankTopicIsRefused(String topic) {
        assertThat(violationsOf(() -> details(TEN_AM, ADDRESS, 60, topic, EMAIL)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("topic", Rule.TOO_SHORT));
    }

    @Test
    void aTopicOfTwoHundredCharactersIsAcceptedAndOneMoreIsRefused() {
        assertThat(details(TEN_AM, ADDRESS, 60, "x".repeat(200), EMAIL).topic()).hasSize(200);
        assertThat(violationsOf(() -> details(TEN_AM, ADDRESS, 60, "x".repeat(201), EMAIL)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("topic", Rule.TOO_LONG));
    }

    @Test
    void theTopicLengthIsCountedAfterTrimming() {
        assertThat(details(TEN_AM, ADDRESS, 60, "  " + "x".repeat(200) + "  ", EMAIL).topic()).hasSize(200);
    }

    @Test
    void anEmailWithoutAtSignIsRefused() {
        assertThat(violationsOf(() -> details(TEN_AM, ADDRESS, 60, "t", "contact.example.com")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("requestedBy");
                    assertThat(v.rule()).isEqualTo(Rule.EMAIL_WITHOUT_AT_SIGN);
                });
    }

    @Test
    void anEmailOfOneHundredCharactersIsAcceptedAndOneMoreIsRefused() {
        String domain = "@example.com";
        String hundred = "a".repeat(100 - domain.length()) + domain;

        assertThat(details(TEN_AM, ADDRESS, 60, "t", hundred).requestedBy().value()).hasSize(100);
        assertThat(violationsOf(() -> details(TEN_AM, ADDRESS, 60, "t", "a" + hundred)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("requestedBy", Rule.TOO_LONG));
    }

    @Test
    void aBlankCityIsRefusedUnderItsDottedName() {
        AddressInput noCity = new AddressInput("1 Main Street", "  ", null, "Japan");

        assertThat(violationsOf(() -> details(TEN_AM, noCity, 60, "t", EMAIL)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("address.city", Rule.TOO_SHORT));
    }

    @Test
    void aBlankStateBecomesAbsent() {
        assertThat(Address.of("1 Main Street", "Tokyo", " ", "JP").state()).isNull();
        assertThat(Address.of("1 Main Street", "Tokyo", null, "JP").state()).isNull();
        assertThat(Address.of("1 Main Street", "Springfield", " IL ", "US").state()).isEqualTo("IL");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        AddressInput atlantis = new AddressInput("1 Main Street", "Poseidonia", null, "Atlantis");

        List<Violation> violations = violationsOf(() -> details(NOW.minus(Duration.ofDays(1)), atlantis, 0, " ",
                "nobody"));

        assertThat(violations).extracting(Violation::field)
                .containsExactly("eventTime", "address.country", "durationMinutes", "topic", "requestedBy");
    }

    @Test
    void missingFieldsAreReportedAsMissing() {
        assertThat(violationsOf(() -> details(TEN_AM, null, null, null, null)))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("address", Rule.REQUIRED), tuple("durationMinutes", Rule.REQUIRED),
                        tuple("topic", Rule.REQUIRED), tuple("requestedBy", Rule.REQUIRED));
    }

    @Test
    void theExceptionMessageNamesEachField() {
        assertThatThrownBy(() -> details(TEN_AM, ADDRESS, 0, null, EMAIL))
                .isInstanceOf(ValidationException.class)
                .hasMessage("durationMinutes: NOT_ABOVE 0; topic: REQUIRED");
    }
}
