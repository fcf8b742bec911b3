package io.bookingservice.application.model;

import io.bookingservice.domain.user.User;
import java.util.Objects;

/**
 * The account behind an access token and whether the token's session is still alive, read in one
 * go on every authenticated request.
 */
public record SignedInUser(User user, boolean sessionActive) {

    public SignedInUser {
        Objects.requireNonNull(user, "user");
    }
}
