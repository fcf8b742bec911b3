package io.bookingservice.domain.booking;

import io.bookingservice.domain.Violation;
import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

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
        throw new ValidationException(Violation.choice(Rule.NOT_ONE_OF, code,
                Arrays.stream(values()).map(BookingStatus::code).toList()));
    }
}
