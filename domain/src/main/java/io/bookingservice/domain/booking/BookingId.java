package io.bookingservice.domain.booking;

/** Database identity of a booking request. */
public record BookingId(long value) {

    public BookingId {
        if (value <= 0) {
            throw new IllegalArgumentException("a booking id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
