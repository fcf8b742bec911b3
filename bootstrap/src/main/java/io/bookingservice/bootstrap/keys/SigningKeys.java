package io.bookingservice.bootstrap.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * An Ed25519 key pair in the Python service's secret format: the PEM text (PKCS#8
 * {@code PRIVATE KEY}, X.509 {@code PUBLIC KEY}), base64-encoded once more, as
 * {@code private_key_{env}} / {@code public_key_{env}} hold it.
 *
 * @param privateKeySecret the value for {@code private_key_{env}}; never log it
 * @param publicKeySecret  the value for {@code public_key_{env}}
 */
public record SigningKeys(String privateKeySecret, String publicKeySecret) {

    public static String privateKeyName(String env) {
        return "private_key_" + env;
    }

    public static String publicKeyName(String env) {
        return "public_key_" + env;
    }

    public static SigningKeys generate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate Ed25519 keys", e);
        }
        return new SigningKeys(
                secret(pem("PRIVATE KEY", pair.getPrivate().getEncoded())),
                secret(pem("PUBLIC KEY", pair.getPublic().getEncoded())));
    }

    /** The PEM text inside a secret value. */
    public static String pemOf(String secret) {
        return new String(Base64.getMimeDecoder().decode(secret.strip()), StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        // Python's cryptography writes 64-character lines and a final newline.
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String secret(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SigningKeys[private=[redacted], public=" + publicKeySecret + "]";
    }
}
