package io.bookingservice.domain.booking;

import static io.bookingservice.domain.booking.BookingExamples.ADMIN;
import static io.bookingservice.domain.booking.BookingExamples.ALICE;
import static io.bookingservice.domain.booking.BookingExamples.BOB;
import static io.bookingservice.domain.booking.BookingExamples.CLOCK;
import static io.bookingservice.domain.booking.BookingExamples.NONE_ACCEPTED;
import static io.bookingservice.domain.booking.BookingExamples.NOW;
import static io.bookingservice.domain.booking.BookingExamples.TEN_AM;
import static io.bookingservice.domain.booking.BookingExamples.acceptedLegacy;
import static io.bookingservice.domain.booking.BookingExamples.booking;
import static io.bookingservice.domain.booking.BookingExamples.holding;
import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.InvalidTransitionException;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingRescheduleTest {

    private static final Instant NOON = TEN_AM.plus(Duration.ofHours(2));
    private static final BookingChanges TO_NOON = new BookingChanges(NOON, null, null, null);

    @Test
    void theOwnerMayRescheduleTheirPendingBooking() {
        Booking moved = booking(1, BookingStatus.PENDING, ALICE).reschedule(ALICE, TO_NOON, CLOCK, NONE_ACCEPTED);

        assertThat(moved.request().eventTime()).isEqualTo(NOON);
        assertThat(moved.audit().updatedAt()).isEqualTo(NOW);
        assertThat(moved.status()).isEqualTo(BookingStatus.PENDING);
    }

    @Test
    void unchangedFieldsAreKept() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        Booking corrected = booking.reschedule(ALICE, new BookingChanges(null, null, null, "Ports"), CLOCK,
                NONE_ACCEPTED);

        assertThat(corrected.request().topic()).isEqualTo("Ports");
        assertThat(corrected.request().eventTime()).isEqualTo(booking.request().eventTime());
        assertThat(corrected.request().address()).isEqualTo(booking.request().address());
        assertThat(corrected.request().durationMinutes()).isEqualTo(booking.request().durationMinutes());
    }

    @Test
    void anEmptyChangeIsANoOp() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        assertThat(booking.reschedule(ALICE, new BookingChanges(null, null, null, null), CLOCK, NONE_ACCEPTED))
                .isSameAs(booking);
    }

    @Test
    void theOwnerMayNotRescheduleAnAcceptedBooking() {
        Booking accepted = booking(1, BookingStatus.ACCEPTED, ALICE);

        assertThatThrownBy(() -> accepted.reschedule(ALICE, TO_NOON, CLOCK, NONE_ACCEPTED))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("by its requester");
    }

    @Test
    void anotherRequesterMayNotReschedule() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        assertThatThrownBy(() -> booking.reschedule(BOB, TO_NOON, CLOCK, NONE_ACCEPTED))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void anAdminMayRescheduleAPendingBooking() {
        assertThat(booking(1, BookingStatus.PENDING, ALICE).reschedule(ADMIN, TO_NOON, CLOCK, NONE_ACCEPTED)
                .request().eventTime()).isEqualTo(NOON);
    }

    @Test
    void anAdminMayRescheduleAnAcceptedBookingToAFreeSlot() {
        Booking accepted = booking(1, BookingStatus.ACCEPTED, ALICE);
        Booking elsewhere = booking(2, BookingStatus.ACCEPTED, BOB, NOON.plus(Duration.ofHours(1)), 60);

        Booking moved = accepted.reschedule(ADMIN, TO_NOON, CLOCK, holding(accepted, elsewhere));

        assertThat(moved.request().eventTime()).isEqualTo(NOON);
        assertThat(moved.status()).isEqualTo(BookingStatus.ACCEPTED);
    }

    @Test
    void movingAnAcceptedBookingOntoAnotherAcceptedOneIsAConflict() {
        Booking accepted = booking(1, BookingStatus.ACCEPTED, ALICE);
        Booking atNoon = booking(2, BookingStatus.ACCEPTED, BOB, NOON.plus(Duration.ofMinutes(30)), 60);

        assertThatThrownBy(() -> accepted.reschedule(ADMIN, TO_NOON, CLOCK, holding(accepted, atNoon)))
                .isInstanceOfSatisfying(OverlapException.class,
                        e -> assertThat(e.conflictingBookingId()).contains(2L));
    }

    @Test
    void lengtheningAnAcceptedBookingOntoTheNextOneIsAConflict() {
        Booking accepted = booking(1, BookingStatus.ACCEPTED, ALICE);
        Booking next = booking(2, BookingStatus.ACCEPTED, BOB, TEN_AM.plus(Duration.ofHours(1)), 60);

        assertThatThrownBy(() -> accepted.reschedule(ADMIN, new BookingChanges(null, null, 61, null), CLOCK,
                holding(accepted, next))).isInstanceOf(OverlapException.class);
    }

    @Test
    void movingAPendingBookingOntoAnAcceptedOneIsAllowedUntilItIsAccepted() {
        Booking pending = booking(1, BookingStatus.PENDING, ALICE);
        Booking atNoon = booking(2, BookingStatus.ACCEPTED, BOB, NOON, 60);

        assertThat(pending.reschedule(ALICE, TO_NOON, CLOCK, holding(atNoon)).request().eventTime()).isEqualTo(NOON);
    }

    @Test
    void rejectedOrCancelledBookingsCannotBeRescheduledEvenByAnAdmin() {
        for (BookingStatus closed : new BookingStatus[] {BookingStatus.REJECTED, BookingStatus.CANCELLED}) {
            Booking booking = booking(1, closed, ALICE);

            assertThatThrownBy(() -> booking.reschedule(ADMIN, TO_NOON, CLOCK, NONE_ACCEPTED))
                    .as(closed.code())
                    .isInstanceOf(InvalidTransitionException.class);
        }
    }

    @Test
    void anAdminMayCorrectTheTopicOfAnAcceptedLegacyBookingWithoutEventTime() {
        Booking undated = aLegacyBooking().withId(1).withoutEventTime().withAddress(BookingExamples.ADDRESS)
                .requestedBy("old@example.com").withStatus(BookingStatus.ACCEPTED).build();

        Booking corrected = undated.reschedule(ADMIN, new BookingChanges(null, null, null, "Named at last"), CLOCK,
                NONE_ACCEPTED);

        assertThat(corrected.request().topic()).isEqualTo("Named at last");
    }

    @Test
    void anAdminMayCorrectTheTopicOfAGrandfatheredOverlappingAcceptedBooking() {
        // Legacy data: two accepted bookings already overlap. Fixing a typo must not be a conflict.
        Booking first = acceptedLegacy(1, TEN_AM, 60);
        Booking second = acceptedLegacy(2, TEN_AM.plus(Duration.ofMinutes(30)), 60);

        Booking corrected = first.reschedule(ADMIN, new BookingChanges(null, null, null, "Fixed typo"), CLOCK,
                holding(first, second));

        assertThat(corrected.request().topic()).isEqualTo("Fixed typo");
    }

    @Test
    void changesAreValidatedAsNewInput() {
        assertThatThrownBy(() -> BookingChanges.of(NOW.minus(Duration.ofHours(2)), null, 0, " ", CLOCK))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("eventTime", "durationMinutes", "topic"));
    }

    @Test
    void changesOnlyCarryTheGivenFields() {
        BookingChanges changes = BookingChanges.of(null, null, 30, "  Trimmed  ", CLOCK);

        assertThat(changes).isEqualTo(new BookingChanges(null, null, 30, "Trimmed"));
        assertThat(BookingChanges.of(null, null, null, null, CLOCK).isEmpty()).isTrue();
    }
}
