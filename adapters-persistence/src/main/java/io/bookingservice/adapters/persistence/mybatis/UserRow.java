package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;

/**
 * One {@code users} row. {@link #toString()} leaves the hash out, so a row in a log
 * message or an assertion failure never shows it.
 *
 * @param id {@code null} before the row is inserted
 */
record UserRow(Long id, String username, String hashedPassword, boolean disabled, String role,
               Instant passwordChangedAt) {

    static UserRow fromDomain(User user) {
        return new UserRow(user.id().value(), user.username().value(), user.passwordHash().value(), user.disabled(),
                user.role().code(), user.passwordChangedAt());
    }

    static UserRow fromDomain(NewUser user) {
        return new UserRow(null, user.username().value(), user.passwordHash().value(), user.disabled(),
                user.role().code(), user.passwordChangedAt());
    }

    /**
     * @throws IllegalStateException when the stored row breaks a domain rule (a corrupt row is
     *                               the service's fault, a 500, never a 422 about the client's input)
     */
    User toDomain() {
        try {
            return new User(new UserId(id), new Username(username), new PasswordHash(hashedPassword), disabled,
                    Role.fromCode(role), passwordChangedAt);
        } catch (ValidationException e) {
            throw new IllegalStateException("users row " + id + " holds a value the domain refuses: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + ", hashedPassword=redacted, disabled=" + disabled
                + ", role=" + role + ", passwordChangedAt=" + passwordChangedAt + "]";
    }
}
