package io.bookingservice.adapters.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Reads and writes Ed25519 keys in the form the Python service keeps them in Secrets Manager
 * ({@code private_key_{env}} / {@code public_key_{env}}): standard base64 of a PEM document,
 * PKCS#8 {@code PRIVATE KEY} for the private key and SubjectPublicKeyInfo {@code PUBLIC KEY}
 * for the public key.
 *
 * <p>Reading also accepts the PEM itself (not base64-wrapped) and surrounding whitespace, so a
 * hand-made local key file works too. Writing always produces exactly the Python format, byte
 * for byte, so a key generated here can be read by the Python service during a rollback.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose messages never contain key material.
 */
public final class Ed25519SecretFormat {

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    // DER prefixes of the minimal encodings that Python's `cryptography` writes (RFC 8410):
    // PKCS#8 v1 without the optional public key, and SPKI; each followed by the 32 key bytes.
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519SecretFormat() {
    }

    /** A freshly generated key pair, as the two secret values to store. */
    public record EncodedKeyPair(String privateKeySecret, String publicKeySecret) {
        public EncodedKeyPair {
            Objects.requireNonNull(privateKeySecret, "privateKeySecret");
            Objects.requireNonNull(publicKeySecret, "publicKeySecret");
        }

        @Override
        public String toString() {
            // The private key must never reach a log line by accident.
            return "EncodedKeyPair[privateKeySecret=<redacted>, publicKeySecret=" + publicKeySecret + "]";
        }
    }

    /** Parses the value of a {@code private_key_{env}} secret. */
    public static Ed25519PrivateKeyParameters parsePrivateKey(String secret) {
        byte[] der = derFrom(secret, PRIVATE_LABEL, "private key secret");
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("private key secret does not hold a PKCS#8 private key", e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalArgumentException("private key secret does not hold an Ed25519 key");
        }
        return ed25519;
    }

    /** Parses the value of a {@code public_key_{env}} secret. */
    public static Ed25519PublicKeyParameters parsePublicKey(String secret) {
        byte[] der = derFrom(secret, PUBLIC_LABEL, "public key secret");
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("public key secret does not hold a SubjectPublicKeyInfo", e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
            throw new IllegalArgumentException("public key secret does not hold an Ed25519 key");
        }
        return ed25519;
    }

    /** Encodes a private key as the value of a {@code private_key_{env}} secret. */
    public static String formatPrivateKey(Ed25519PrivateKeyParameters key) {
        return secretOf(PRIVATE_LABEL, concat(PKCS8_PREFIX, key.getEncoded()));
    }

    /** Encodes a public key as the value of a {@code public_key_{env}} secret. */
    public static String formatPublicKey(Ed25519PublicKeyParameters key) {
        return secretOf(PUBLIC_LABEL, concat(SPKI_PREFIX, key.getEncoded()));
    }

    /** Generates a new key pair (for {@code keys generate} and for local mode's first start). */
    public static EncodedKeyPair generate(SecureRandom random) {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        return new EncodedKeyPair(formatPrivateKey(privateKey), formatPublicKey(privateKey.generatePublicKey()));
    }

    private static byte[] derFrom(String secret, String label, String what) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        String pem = secret.strip();
        if (!pem.startsWith("-----BEGIN")) {
            pem = new String(decodeBase64(pem, what), StandardCharsets.US_ASCII).strip();
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (!pem.startsWith(begin) || !pem.endsWith(end)) {
            throw new IllegalArgumentException(what + " is not a PEM document labelled " + label);
        }
        String body = pem.substring(begin.length(), pem.length() - end.length());
        return decodeBase64(body, what);
    }

    private static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // Not chained: the JDK's message quotes the offending character of the secret.
            throw new IllegalArgumentException(what + " is not valid base64");
        }
    }

    private static String secretOf(String label, byte[] der) {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] prefix, byte[] key) {
        byte[] out = new byte[prefix.length + key.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(key, 0, out, prefix.length, key.length);
        return out;
    }
}
