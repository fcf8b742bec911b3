package io.bookingservice.domain;

import java.util.Optional;

/** Accepting would double-book: another accepted booking overlaps this one in time. */
public final class OverlapException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Long conflictingBookingId;

    /**
     * @param bookingId            the booking being accepted, or {@code null} before it is stored
     * @param conflictingBookingId the accepted booking in the way, or {@code null} when
     *                             only the database knew (exclusion constraint)
     */
    public OverlapException(Long bookingId, Long conflictingBookingId) {
        super((bookingId == null ? "This booking request" : "Booking request with ID " + bookingId)
                + (conflictingBookingId == null
                        ? " overlaps an accepted booking."
                        : " overlaps accepted booking request with ID " + conflictingBookingId + "."));
        this.conflictingBookingId = conflictingBookingId;
    }

    public Optional<Long> conflictingBookingId() {
        return Optional.ofNullable(conflictingBookingId);
    }
}
