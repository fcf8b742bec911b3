package io.bookingservice.adapters.persistence.mybatis;

import static io.bookingservice.domain.testing.BookingBuilder.aBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingRowTest {

    private static final Address ADDRESS = new Address("1 Infinite Loop", "Cupertino", "CA", "United States");

    @Test
    void aDecidedBookingSurvivesTheRoundTripThroughItsRow() {
        Instant t = Instant.parse("2025-02-20T10:15:00.25Z");
        Booking booking = aBooking().withId(7).at(t).withAddress(ADDRESS).lasting(90).withTopic("Deep Learning")
                .requestedBy("pt@example.pt").withStatus(BookingStatus.ACCEPTED).ownedBy(new UserId(2))
                .createdAt(t.minusSeconds(60)).decidedBy(new UserId(1), t.minusSeconds(30)).withVersion(3).build();

        BookingRow row = BookingRow.fromDomain(booking);

        assertThat(row).isEqualTo(new BookingRow(7L, t, ADDRESS, 90, "Deep Learning", "pt@example.pt", "accepted",
                2L, t.minusSeconds(60), t.minusSeconds(30), 1L, t.minusSeconds(30), 3));
        assertThat(row.toDomain()).isEqualTo(booking);
    }

    @Test
    void aLegacyRowWithoutOwnerTimesOrTopicIsReadAsStored() {
        BookingRow legacy = new BookingRow(3L, null, new Address("1-1 Chiyoda", "Tokyo", null, "Japan"), 32767, "",
                "tokyo@example.jp", "rejected", null, null, null, null, null, 0);

        Booking booking = legacy.toDomain();

        assertThat(booking.request().eventTime()).isNull();
        assertThat(booking.audit().submittedBy()).isNull();
        assertThat(booking.audit().createdAt()).isNull();
        assertThat(booking.decision().decidedBy()).isNull();
        assertThat(booking.request().durationMinutes()).isEqualTo(32767);
        assertThat(booking.request().topic()).isEmpty();
        assertThat(booking.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(BookingRow.fromDomain(booking)).isEqualTo(legacy);
    }

    @Test
    void aNewBookingHasNoIdInItsRow() {
        Booking booking = aBooking().withoutEventTime().withAddress(ADDRESS).lasting(30).withTopic("T")
                .requestedBy("a@b.co").ownedBy(new UserId(1)).build();

        assertThat(BookingRow.fromDomain(booking).id()).isNull();
    }

    @Test
    void anUnknownStoredStatusIsRefusedRatherThanGuessed() {
        BookingRow row = new BookingRow(1L, null, ADDRESS, 30, "T", "a@b.co", "archived", null, null, null, null,
                null, 0);

        assertThatThrownBy(row::toDomain)
                .as("a corrupt row is the service's fault (500), not a ValidationException (422 about the client's body)")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("booking_requests row 1");
    }
}
