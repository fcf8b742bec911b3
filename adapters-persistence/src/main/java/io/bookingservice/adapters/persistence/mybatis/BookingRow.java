package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;

/**
 * One {@code booking_requests} row as MyBatis reads and writes it: plain column values,
 * mapped to and from the domain here, at the adapter's edge. The {@code grandfathered}
 * column is deliberately absent: the domain does not know it, and only the adapter's SQL
 * decides when a row keeps it.
 *
 * @param id {@code null} before the row is inserted
 */
record BookingRow(Long id, Instant eventTime, Address address, int durationMinutes, String topic,
                  String requestedBy, String status, Long submittedBy, Instant createdAt, Instant updatedAt,
                  Long decidedBy, Instant decidedAt, long version) {

    static BookingRow fromDomain(Booking booking) {
        return new BookingRow(
                booking.id() == null ? null : booking.id().value(),
                booking.eventTime(),
                booking.address(),
                booking.durationMinutes(),
                booking.topic(),
                booking.requestedBy(),
                booking.status().code(),
                booking.submittedBy() == null ? null : booking.submittedBy().value(),
                booking.createdAt(),
                booking.updatedAt(),
                booking.decidedBy() == null ? null : booking.decidedBy().value(),
                booking.decidedAt(),
                booking.version());
    }

    /**
     * Through the domain's reconstitution path: legacy values are taken as stored.
     *
     * @throws IllegalStateException when the stored row breaks a domain rule (a corrupt row is
     *                               the service's fault, a 500, never a 422 about the client's input)
     */
    Booking toDomain() {
        try {
            return reconstitute();
        } catch (ValidationException e) {
            throw new IllegalStateException("booking_requests row " + id + " holds a value the domain refuses: "
                    + e.getMessage());
        }
    }

    private Booking reconstitute() {
        return new Booking(
                new BookingId(id),
                eventTime,
                address,
                durationMinutes,
                topic,
                requestedBy,
                BookingStatus.fromCode(status),
                submittedBy == null ? null : new UserId(submittedBy),
                createdAt,
                updatedAt,
                decidedBy == null ? null : new UserId(decidedBy),
                decidedAt,
                version);
    }
}
