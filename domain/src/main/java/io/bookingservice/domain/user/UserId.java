package io.bookingservice.domain.user;

/** Database identity of an account. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("a user id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
