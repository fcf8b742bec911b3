package io.bookingservice.domain.booking;

import io.bookingservice.domain.ValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a booking request stands. The transition rules live here, in one place:
 * pending → accepted | rejected | cancelled; accepted → cancelled.
 */
public enum BookingStatus {
    PENDING("pending"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    CANCELLED("cancelled");

    private final String code;

    BookingStatus(String code) {
        this.code = code;
    }

    /** The stored and serialised form (at most 10 characters, the legacy column). */
    public String code() {
        return code;
    }

    public Set<BookingStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(CANCELLED);
            case REJECTED, CANCELLED -> EnumSet.noneOf(BookingStatus.class);
        };
    }

    public boolean canBecome(BookingStatus target) {
        return successors().contains(target);
    }

    public static BookingStatus fromCode(String code) {
        for (BookingStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw ValidationException.of("", "enum", "Status must be one of "
                + Arrays.stream(values()).map(s -> "'" + s.code + "'").collect(Collectors.joining(", "))
                + ", got '" + code + "'");
    }
}
