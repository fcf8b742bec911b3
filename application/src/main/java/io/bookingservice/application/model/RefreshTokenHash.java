package io.bookingservice.application.model;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is stored of a refresh token: the SHA-256 of its value, as 64 lower-case hex digits. The
 * value itself is 256 random bits, so a plain hash is enough (there is nothing to guess); a
 * stolen table gives no usable token.
 */
public record RefreshTokenHash(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public RefreshTokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex");
        }
    }

    public static RefreshTokenHash of(byte[] digest) {
        return new RefreshTokenHash(HexFormat.of().formatHex(digest));
    }
}
