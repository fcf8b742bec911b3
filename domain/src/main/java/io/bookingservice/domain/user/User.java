package io.bookingservice.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An account. Users are disabled, never deleted, so bookings always point at one.
 *
 * @param passwordChangedAt when the password last changed; tokens issued before it are
 *                          refused. {@code null} for legacy accounts (never changed here).
 */
public record User(UserId id, Username username, PasswordHash passwordHash, boolean disabled, Role role,
                   Instant passwordChangedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean owns(UserId owner) {
        return id.equals(owner);
    }

    public User withPassword(PasswordHash newHash, Instant changedAt) {
        return new User(id, username, newHash, disabled, role, Objects.requireNonNull(changedAt, "changedAt"));
    }

    /** A transparent re-hash of the same password (e.g. bcrypt → argon2id): sessions stay valid. */
    public User withRehashedPassword(PasswordHash newHash) {
        return new User(id, username, newHash, disabled, role, passwordChangedAt);
    }

    public User withRole(Role newRole) {
        return new User(id, username, passwordHash, disabled, Objects.requireNonNull(newRole, "role"), passwordChangedAt);
    }

    public User withDisabled(boolean nowDisabled) {
        return new User(id, username, passwordHash, nowDisabled, role, passwordChangedAt);
    }
}
