package io.bookingservice.domain.user;

import java.time.Instant;
import java.util.Objects;

/** An account about to be stored; the repository assigns its {@link UserId}. */
public record NewUser(Username username, PasswordHash passwordHash, boolean disabled, Role role,
                      Instant passwordChangedAt) {

    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    }

    public User withId(UserId id) {
        return new User(id, username, passwordHash, disabled, role, passwordChangedAt);
    }
}
