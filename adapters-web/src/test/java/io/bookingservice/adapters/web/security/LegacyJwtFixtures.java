package io.bookingservice.adapters.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Python service's key pair and tokens, copied from the shared fixtures into test resources. */
final class LegacyJwtFixtures {

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
