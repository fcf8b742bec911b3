package io.bookingservice.domain.booking;

import static io.bookingservice.domain.booking.BookingExamples.ADMIN;
import static io.bookingservice.domain.booking.BookingExamples.ALICE;
import static io.bookingservice.domain.booking.BookingExamples.BOB;
import static io.bookingservice.domain.booking.BookingExamples.CLOCK;
import static io.bookingservice.domain.booking.BookingExamples.NONE_ACCEPTED;
import static io.bookingservice.domain.booking.BookingExamples.NOW;
import static io.bookingservice.domain.booking.BookingExamples.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.bookingservice.domain.InvalidTransitionException;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BookingTransitionTest {

    /** The decisions an admin can take, by the status each one leads to. */
    private static Booking decide(Booking booking, BookingStatus target) {
        return switch (target) {
            case ACCEPTED -> booking.accept(ADMIN, CLOCK, NONE_ACCEPTED);
            case REJECTED -> booking.reject(ADMIN, CLOCK);
            case CANCELLED -> booking.cancel(ADMIN, CLOCK);
            case PENDING -> throw new IllegalArgumentException("no decision leads back to pending");
        };
    }

    private static final Set<String> ALLOWED = Set.of(
            "PENDING->ACCEPTED", "PENDING->REJECTED", "PENDING->CANCELLED", "ACCEPTED->CANCELLED");

    static Stream<Arguments> everyStatusAndDecision() {
        return EnumSet.allOf(BookingStatus.class).stream()
                .flatMap(from -> EnumSet.complementOf(EnumSet.of(BookingStatus.PENDING)).stream()
                        .map(to -> arguments(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyStatusAndDecision")
    void eachDecisionIsAllowedRefusedOrANoOpAccordingToTheTransitionRules(BookingStatus from, BookingStatus to) {
        Booking booking = booking(7, from, ALICE);

        if (from == to) {
            assertThat(decide(booking, to)).isSameAs(booking);
        } else if (ALLOWED.contains(from + "->" + to)) {
            Booking decided = decide(booking, to);
            assertThat(decided.status()).isEqualTo(to);
            assertThat(decided.version()).as("the repository, not the domain, bumps versions")
                    .isEqualTo(booking.version());
        } else {
            assertThatThrownBy(() -> decide(booking, to))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining("Booking request with ID 7 is " + from.code());
        }
    }

    @Test
    void theStatusRulesListExactlyTheAllowedSuccessors() {
        assertThat(BookingStatus.PENDING.successors())
                .containsExactlyInAnyOrder(BookingStatus.ACCEPTED, BookingStatus.REJECTED, BookingStatus.CANCELLED);
        assertThat(BookingStatus.ACCEPTED.successors()).containsExactly(BookingStatus.CANCELLED);
        assertThat(BookingStatus.REJECTED.successors()).isEmpty();
        assertThat(BookingStatus.CANCELLED.successors()).isEmpty();
    }

    @Test
    void statusCodesAreTheLowerCaseLegacyValues() {
        for (BookingStatus status : BookingStatus.values()) {
            assertThat(BookingStatus.fromCode(status.code())).isEqualTo(status);
            assertThat(status.code()).isEqualTo(status.name().toLowerCase(Locale.ROOT)).hasSizeLessThanOrEqualTo(10);
        }
        assertThatThrownBy(() -> BookingStatus.fromCode("ACCEPTED"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void onlyAnAdminMayAccept() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        assertThatThrownBy(() -> booking.accept(ALICE, CLOCK, NONE_ACCEPTED))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void onlyAnAdminMayReject() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        assertThatThrownBy(() -> booking.reject(ALICE, CLOCK)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aRequesterMayNotRepeatAnAcceptEither() {
        Booking booking = booking(1, BookingStatus.ACCEPTED, ALICE);

        assertThatThrownBy(() -> booking.accept(ALICE, CLOCK, NONE_ACCEPTED))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theOwnerMayCancelTheirPendingBooking() {
        Booking cancelled = booking(1, BookingStatus.PENDING, ALICE).cancel(ALICE, CLOCK);

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.decision().decidedBy()).isEqualTo(ALICE.id());
    }

    @Test
    void theOwnerMayCancelTheirAcceptedBooking() {
        assertThat(booking(1, BookingStatus.ACCEPTED, ALICE).cancel(ALICE, CLOCK).status())
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void anAdminMayCancelAnyonesBooking() {
        assertThat(booking(1, BookingStatus.PENDING, ALICE).cancel(ADMIN, CLOCK).status())
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void anotherRequesterMayNotCancel() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        assertThatThrownBy(() -> booking.cancel(BOB, CLOCK)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aLegacyBookingWithoutOwnerIsCancellableOnlyByAnAdmin() {
        Booking legacy = booking(1, BookingStatus.PENDING, null);

        assertThatThrownBy(() -> legacy.cancel(ALICE, CLOCK)).isInstanceOf(PermissionDeniedException.class);
        assertThat(legacy.cancel(ADMIN, CLOCK).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void aDecisionRecordsWhoDecidedAndWhen() {
        Booking booking = booking(1, BookingStatus.PENDING, ALICE);

        Booking accepted = booking.accept(ADMIN, CLOCK, NONE_ACCEPTED);

        assertThat(accepted.decision().decidedBy()).isEqualTo(ADMIN.id());
        assertThat(accepted.decision().decidedAt()).isEqualTo(NOW);
        assertThat(accepted.audit().updatedAt()).isEqualTo(NOW);
        assertThat(accepted.audit().createdAt()).as("creation time is kept").isEqualTo(booking.audit().createdAt());
        assertThat(accepted.audit().submittedBy()).as("the owner stays the owner").isEqualTo(ALICE.id());
    }

    @Test
    void aRepeatedDecisionKeepsTheFirstDecider() {
        Booking rejected = booking(1, BookingStatus.PENDING, ALICE).reject(ADMIN, CLOCK);
        User otherAdmin = BookingExamples.user(9, "other-admin", Role.ADMIN);

        assertThat(rejected.reject(otherAdmin, CLOCK).decision().decidedBy()).isEqualTo(ADMIN.id());
    }

    @Test
    void aBookingWithoutEventTimeCannotBeAccepted() {
        Booking undated = booking(1, BookingStatus.PENDING, ALICE, null, 60);

        assertThatThrownBy(() -> undated.accept(ADMIN, CLOCK, NONE_ACCEPTED))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("no event time");
    }

    @Test
    void aBookingWithoutEventTimeCanStillBeRejectedOrCancelled() {
        Booking undated = booking(1, BookingStatus.PENDING, ALICE, null, 60);

        assertThat(undated.reject(ADMIN, CLOCK).status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(undated.cancel(ALICE, CLOCK).status()).isEqualTo(BookingStatus.CANCELLED);
    }
}
