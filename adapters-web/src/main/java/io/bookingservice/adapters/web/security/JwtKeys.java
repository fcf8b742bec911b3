package io.bookingservice.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The Ed25519 keys the service signs and verifies tokens with: the current key pair and,
 * during a rotation, the previous public key (the {@code AWSPREVIOUS} version of the
 * {@code public_key_{env}} secret).
 *
 * <p>Each public key is named by its {@code kid}: the RFC 7638 JWK thumbprint (base64url
 * SHA-256 of {@code {"crv":"Ed25519","kty":"OKP","x":...}}), so the kid is derived from the key
 * itself and needs no extra configuration, and tokens keep verifying after a restart.
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows only the kids.
 */
public final class JwtKeys {

    private final Ed25519PrivateKeyParameters signingKey;
    private final Ed25519PublicKeyParameters currentPublicKey;
    private final String currentKid;
    private final Ed25519PublicKeyParameters previousPublicKey;
    private final String previousKid;

    private JwtKeys(Ed25519PrivateKeyParameters signingKey, Ed25519PublicKeyParameters currentPublicKey,
            Ed25519PublicKeyParameters previousPublicKey) {
        this.signingKey = signingKey;
        this.currentPublicKey = currentPublicKey;
        this.currentKid = thumbprint(currentPublicKey);
        this.previousPublicKey = previousPublicKey;
        this.previousKid = previousPublicKey == null ? null : thumbprint(previousPublicKey);
    }

    /**
     * Keys from the secret values in the Python format (see {@link Ed25519SecretFormat}).
     *
     * @param privateKeySecret         value of {@code private_key_{env}}
     * @param publicKeySecret          value of {@code public_key_{env}}; must belong to the private key
     * @param previousPublicKeySecret  the {@code AWSPREVIOUS} value of {@code public_key_{env}}, or
     *                                 {@code null} when there is none; ignored when equal to the current key
     * @throws IllegalArgumentException when a secret cannot be read or the public key does not
     *                                  match the private key (a half-done rotation)
     */
    public static JwtKeys fromSecrets(String privateKeySecret, String publicKeySecret, String previousPublicKeySecret) {
        Ed25519PrivateKeyParameters privateKey = Ed25519SecretFormat.parsePrivateKey(privateKeySecret);
        Ed25519PublicKeyParameters publicKey = Ed25519SecretFormat.parsePublicKey(publicKeySecret);
        if (!Arrays.equals(privateKey.generatePublicKey().getEncoded(), publicKey.getEncoded())) {
            throw new IllegalArgumentException("public key secret does not belong to the private key secret");
        }
        Ed25519PublicKeyParameters previous = null;
        if (previousPublicKeySecret != null) {
            previous = Ed25519SecretFormat.parsePublicKey(previousPublicKeySecret);
            if (Arrays.equals(previous.getEncoded(), publicKey.getEncoded())) {
                previous = null;
            }
        }
        return new JwtKeys(privateKey, publicKey, previous);
    }

    /** Keys without a previous public key. */
    public static JwtKeys fromSecrets(String privateKeySecret, String publicKeySecret) {
        return fromSecrets(privateKeySecret, publicKeySecret, null);
    }

    /** The kid of the current key; new tokens carry it. */
    public String currentKid() {
        return currentKid;
    }

    /** The kid of the previous public key, if one is configured. */
    public Optional<String> previousKid() {
        return Optional.ofNullable(previousKid);
    }

    /** RFC 7638 JWK thumbprint of an Ed25519 public key, base64url without padding. */
    public static String thumbprint(Ed25519PublicKeyParameters publicKey) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        // Members in lexicographic order, no whitespace, as RFC 7638 section 3 requires.
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64url.encodeToString(publicKey.getEncoded()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII));
            return base64url.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    Ed25519PrivateKeyParameters signingKey() {
        return signingKey;
    }

    /** The public key a token with this kid must verify with, if the kid is known. */
    Optional<Ed25519PublicKeyParameters> publicKeyFor(String kid) {
        if (currentKid.equals(kid)) {
            return Optional.of(currentPublicKey);
        }
        if (previousKid != null && previousKid.equals(kid)) {
            return Optional.of(previousPublicKey);
        }
        return Optional.empty();
    }

    /** Keys a legacy token (no kid) may be signed with: current first, then previous. */
    List<Ed25519PublicKeyParameters> legacyPublicKeys() {
        List<Ed25519PublicKeyParameters> keys = new ArrayList<>(2);
        keys.add(currentPublicKey);
        if (previousPublicKey != null) {
            keys.add(previousPublicKey);
        }
        return List.copyOf(keys);
    }

    /**
     * Same current and previous public keys. The kids are SHA-256 thumbprints of the public keys,
     * and the private key is checked to belong to the current public key, so equal kids mean the
     * same keys.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof JwtKeys that && currentKid.equals(that.currentKid) && Objects.equals(previousKid, that.previousKid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currentKid, previousKid);
    }

    @Override
    public String toString() {
        return "JwtKeys[currentKid=" + currentKid + ", previousKid=" + Objects.requireNonNullElse(previousKid, "none") + "]";
    }
}
