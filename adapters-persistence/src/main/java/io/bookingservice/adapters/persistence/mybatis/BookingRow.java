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
 * <p>MyBatis calls this constructor by parameter name (the mapper's result map names the
 * component each column fills; the class files keep the names, {@code -parameters}), so the
 * order of the components is free and a new column is one component here, one line in each
 * direction below, and the column in the mapper's SQL and its result map.
 *
 * @param id {@code null} before the row is inserted
 */
record BookingRow(Long id, Instant eventTime, Address address, int durationMinutes, String topic,
                  String requestedBy, String status, Long submittedBy, Instant createdAt, Instant updatedAt,
                  Long decidedBy, Instant decidedAt, long version) {

    static BookingRow fromDomain(Booking booking) {
        Booking.Request request = booking.request();
        Booking.Decision decision = booking.decision();
        Booking.Audit audit = booking.audit();
        return new BookingRow(
                booking.id() == null ? null : booking.id().value(),
                request.eventTime(),
                request.address(),
                request.durationMinutes(),
                request.topic(),
                request.requestedBy(),
                decision.status().code(),
                audit.submittedBy() == null ? null : audit.submittedBy().value(),
                audit.createdAt(),
                audit.updatedAt(),
                decision.decidedBy() == null ? null : decision.decidedBy().value(),
                decision.decidedAt(),
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
                new Booking.Request(eventTime, address, durationMinutes, topic, requestedBy),
                new Booking.Decision(BookingStatus.fromCode(status), userId(decidedBy), decidedAt),
                new Booking.Audit(userId(submittedBy), createdAt, updatedAt),
                version);
    }

    private static UserId userId(Long value) {
        return value == null ? null : new UserId(value);
    }
}
