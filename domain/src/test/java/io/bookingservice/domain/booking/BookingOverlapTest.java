package io.bookingservice.domain.booking;

import static io.bookingservice.domain.booking.BookingExamples.ADMIN;
import static io.bookingservice.domain.booking.BookingExamples.ALICE;
import static io.bookingservice.domain.booking.BookingExamples.CLOCK;
import static io.bookingservice.domain.booking.BookingExamples.TEN_AM;
import static io.bookingservice.domain.booking.BookingExamples.acceptedLegacy;
import static io.bookingservice.domain.booking.BookingExamples.booking;
import static io.bookingservice.domain.booking.BookingExamples.holding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.OverlapException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingOverlapTest {

    private final Booking pendingTenToEleven = booking(10, BookingStatus.PENDING, ALICE, TEN_AM, 60);

    @Test
    void acceptingABookingRightAfterAnAcceptedOneIsAllowed() {
        Booking nineToTen = booking(1, BookingStatus.ACCEPTED, ALICE, TEN_AM.minus(Duration.ofHours(1)), 60);

        assertThat(pendingTenToEleven.accept(ADMIN, CLOCK, holding(nineToTen)).status())
                .isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void acceptingABookingRightBeforeAnAcceptedOneIsAllowed() {
        Booking elevenToNoon = booking(1, BookingStatus.ACCEPTED, ALICE, TEN_AM.plus(Duration.ofHours(1)), 60);

        assertThat(pendingTenToEleven.accept(ADMIN, CLOCK, holding(elevenToNoon)).status())
                .isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void acceptingABookingOverlappingByOneMinuteIsAConflict() {
        Booking nineOhOne = booking(1, BookingStatus.ACCEPTED, ALICE, TEN_AM.minus(Duration.ofMinutes(59)), 60);

        assertThatThrownBy(() -> pendingTenToEleven.accept(ADMIN, CLOCK, holding(nineOhOne)))
                .isInstanceOfSatisfying(OverlapException.class,
                        e -> assertThat(e.conflictingBookingId()).contains(1L))
                .hasMessage("Booking request with ID 10 overlaps accepted booking request with ID 1.");
    }

    @Test
    void acceptingABookingInsideAnAcceptedOneIsAConflict() {
        Booking allMorning = booking(1, BookingStatus.ACCEPTED, ALICE, TEN_AM.minus(Duration.ofHours(2)), 300);

        assertThatThrownBy(() -> pendingTenToEleven.accept(ADMIN, CLOCK, holding(allMorning)))
                .isInstanceOf(OverlapException.class);
    }

    @Test
    void acceptingABookingThatContainsAnAcceptedOneIsAConflict() {
        Booking quarterPastTen = booking(1, BookingStatus.ACCEPTED, ALICE, TEN_AM.plus(Duration.ofMinutes(15)), 10);

        assertThatThrownBy(() -> pendingTenToEleven.accept(ADMIN, CLOCK, holding(quarterPastTen)))
                .isInstanceOf(OverlapException.class);
    }

    @Test
    void acceptingABookingOverlappingALegacyAcceptedOneIsAConflict() {
        Booking legacy = acceptedLegacy(1, TEN_AM.plus(Duration.ofMinutes(30)), 32767);

        assertThatThrownBy(() -> pendingTenToEleven.accept(ADMIN, CLOCK, holding(legacy)))
                .isInstanceOfSatisfying(OverlapException.class,
                        e -> assertThat(e.conflictingBookingId()).contains(1L));
    }

    @Test
    void pendingRejectedAndCancelledBookingsDoNotBlockAnAccept() {
        AcceptedBookings notAccepted = slot -> List.of(
                booking(1, BookingStatus.PENDING, ALICE, TEN_AM, 60),
                booking(2, BookingStatus.REJECTED, ALICE, TEN_AM, 60),
                booking(3, BookingStatus.CANCELLED, ALICE, TEN_AM, 60));

        assertThat(pendingTenToEleven.accept(ADMIN, CLOCK, notAccepted).status()).isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void aBookingDoesNotOverlapItself() {
        Booking acceptedSelf = booking(10, BookingStatus.ACCEPTED, ALICE, TEN_AM, 60);
        BookingChanges longer = new BookingChanges(null, null, 90, null);

        assertThat(acceptedSelf.reschedule(ADMIN, longer, CLOCK, holding(acceptedSelf)).request().durationMinutes())
                .isEqualTo(90);
    }

    @Test
    void timeSlotsAreHalfOpen() {
        TimeSlot slot = TimeSlot.ofMinutes(TEN_AM, 60);

        assertThat(slot.end()).isEqualTo(Instant.parse("2030-07-01T11:00:00Z"));
        assertThat(slot.overlaps(TimeSlot.ofMinutes(slot.end(), 1))).isFalse();
        assertThat(slot.overlaps(TimeSlot.ofMinutes(TEN_AM.minus(Duration.ofMinutes(1)), 1))).isFalse();
        assertThat(slot.overlaps(TimeSlot.ofMinutes(slot.end().minus(Duration.ofMinutes(1)), 1))).isTrue();
        assertThat(slot.overlaps(TimeSlot.ofMinutes(TEN_AM, 1))).isTrue();
        assertThat(slot.overlaps(slot)).isTrue();
    }

    @Test
    void aTimeSlotLastsAPositiveTime() {
        assertThatThrownBy(() -> TimeSlot.ofMinutes(TEN_AM, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeSlot(TEN_AM, Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
