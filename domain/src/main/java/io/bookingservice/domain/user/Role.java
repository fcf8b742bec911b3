package io.bookingservice.domain.user;

import io.bookingservice.domain.Violation;
import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import java.util.Arrays;

/** What an account may do. Stored lower-case, as the Python service did. */
public enum Role {
    /** The speaker's office: decides on, edits and deletes every booking, manages users. */
    ADMIN("admin"),
    /** Submits booking requests; sees and cancels only their own. */
    REQUESTER("requester");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new ValidationException(Violation.choice(Rule.NOT_ONE_OF, code,
                Arrays.stream(values()).map(Role::code).toList()));
    }
}
