package io.bookingservice.adapters.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The Python service's key pair and tokens, copied from the shared fixtures into test resources. */
public final class LegacyJwtFixtures {

    private LegacyJwtFixtures() {
    }

    static String privateKeySecret() {
        return read("private_key_test");
    }

    static String publicKeySecret() {
        return read("public_key_test");
    }

    static String adminTokenValidUntil2035() {
        return read("admin-token-valid-until-2035.jwt").strip();
    }

    /**
     * A token in the Python service's shape, minted now with its key: header
     * {@code {"alg":"EdDSA","typ":"JWT"}}, claims {@code sub}, {@code role}, {@code exp} (= now + 30 min)
     * and nothing else.
     */
    public static String pythonShapedToken(String subject, String role, Instant now) {
        return pythonShapedTokenExpiringAt(subject, role, now.plus(Duration.ofMinutes(30)));
    }

    /** As {@link #pythonShapedToken(String, String, Instant)} with this {@code exp} (whole seconds). */
    public static String pythonShapedTokenExpiringAt(String subject, String role, Instant exp) {
        return TokenForge.signEd25519(Ed25519SecretFormat.parsePrivateKey(privateKeySecret()),
                "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}",
                "{\"sub\":\"" + subject + "\",\"role\":\"" + role + "\",\"exp\":" + exp.getEpochSecond() + "}");
    }

    static String requesterTokenExpired() {
        return read("requester-token-expired.jwt").strip();
    }

    static JwtKeys keys() {
        return JwtKeys.fromSecrets(privateKeySecret(), publicKeySecret());
    }

    private static String read(String name) {
        try (InputStream in = LegacyJwtFixtures.class.getResourceAsStream("/legacy-jwt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource legacy-jwt/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
