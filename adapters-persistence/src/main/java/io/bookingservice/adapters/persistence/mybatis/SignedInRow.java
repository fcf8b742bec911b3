package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.model.SignedInUser;
import java.time.Instant;

/** A {@code users} row and whether the asked-for session of it is alive. Leaves the hash out of {@link #toString()}. */
record SignedInRow(long id, String username, String hashedPassword, boolean disabled, String role,
                   Instant passwordChangedAt, boolean sessionActive) {

    SignedInUser toDomain() {
        return new SignedInUser(new UserRow(id, username, hashedPassword, disabled, role, passwordChangedAt).toDomain(),
                sessionActive);
    }

    @Override
    public String toString() {
        return "SignedInRow[id=" + id + ", username=" + username + ", sessionActive=" + sessionActive + "]";
    }
}
