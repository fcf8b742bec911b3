package io.bookingservice.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Stored rows are read back as they are: legacy values the Python service wrote must not throw. */
class ReconstitutionTest {

    @Test
    void aLegacyRowWithEmptyTopicHugeDurationAndNoEventTimeOrOwnerIsReadBack() {
        Address legacyAddress = new Address("", "", null, "Absurdistan");

        Booking legacy = new Booking(new BookingId(1),
                new Booking.Request(null, legacyAddress, 32767, "", "not an e-mail"),
                new Booking.Decision(BookingStatus.PENDING, null, null),
                new Booking.Audit(null, null, null), 0);

        assertThat(legacy.request().topic()).isEmpty();
        assertThat(legacy.request().durationMinutes()).isEqualTo(32767);
        assertThat(legacy.audit().submittedBy()).isNull();
        assertThat(legacy.slot()).isEmpty();
        assertThat(legacy.isOwnedBy(BookingExamples.ALICE)).isFalse();
        assertThat(legacy.isVisibleTo(BookingExamples.ALICE)).isFalse();
        assertThat(legacy.isVisibleTo(BookingExamples.ADMIN)).isTrue();
    }

    @Test
    void aLegacyRowWithEventTimeHasASlotOfItsStoredLength() {
        Booking legacy = BookingExamples.acceptedLegacy(1, BookingExamples.TEN_AM, 32767);

        assertThat(legacy.slot()).hasValueSatisfying(slot ->
                assertThat(slot.duration().toMinutes()).isEqualTo(32767));
    }

    @Test
    void reconstitutionStillRequiresTheNonNullColumns() {
        assertThatThrownBy(() -> new Booking.Request(null, BookingExamples.ADDRESS, 60, null, "a@b.c"))
                .isInstanceOf(NullPointerException.class).hasMessage("topic");
        assertThatThrownBy(() -> new Booking.Request(null, null, 60, "t", "a@b.c"))
                .isInstanceOf(NullPointerException.class).hasMessage("address");
        assertThatThrownBy(() -> new Booking.Request(null, BookingExamples.ADDRESS, 60, "t", null))
                .isInstanceOf(NullPointerException.class).hasMessage("requestedBy");
        assertThatThrownBy(() -> new Booking.Decision(null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("status");
        Booking.Request request = new Booking.Request(null, BookingExamples.ADDRESS, 60, "t", "a@b.c");
        assertThatThrownBy(() -> new Booking(null, request, null, new Booking.Audit(null, null, null), 0))
                .isInstanceOf(NullPointerException.class).hasMessage("decision");
    }

    @Test
    void identitiesArePositive() {
        assertThatThrownBy(() -> new BookingId(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BookingId(42)).hasToString("42");
    }
}
