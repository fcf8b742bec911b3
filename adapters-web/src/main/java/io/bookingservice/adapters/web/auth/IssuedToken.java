package io.bookingservice.adapters.web.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * A freshly signed access token.
 *
 * @param value     the compact JWT; never logged
 * @param expiresIn how long it is valid from now
 */
public record IssuedToken(String value, Duration expiresIn) {

    public IssuedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "IssuedToken[value=redacted, expiresIn=" + expiresIn + "]";
    }
}
