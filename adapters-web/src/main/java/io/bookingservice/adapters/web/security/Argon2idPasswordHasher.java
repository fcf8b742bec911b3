package io.bookingservice.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing: argon2id for new hashes, and verification of both argon2id and the Python
 * service's passlib bcrypt ({@code $2b$12$...}) hashes.
 *
 * <p>Hashes are the standard self-describing strings, without Spring's {@code {id}} prefix:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (PHC format, standard base64 without
 * padding, 16-byte salt, 32-byte hash) and bcrypt's {@code $2b$...}.
 *
 * <p>Its three methods match the application's future {@code PasswordHasher} port, which will
 * wrap the strings in the domain's {@code PasswordHash}. The work is CPU- and memory-heavy (about
 * 19 MiB per argon2 call): callers on request threads go through {@link BoundedPasswordHasher}.
 *
 * <p>A stored hash in neither format is corrupt data, not a wrong password: {@link #verify} and
 * {@link #needsRehash} throw {@link IllegalArgumentException} (never quoting the hash) rather than
 * answer {@code false}, so the fault is seen. Thread-safe.
 */
public final class Argon2idPasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** bcrypt only ever read 72 bytes; passlib cut longer passwords silently and so must we. */
    private static final int BCRYPT_MAX_BYTES = 72;

    // Bounds on parameters read back from the database, so that a corrupt or planted hash cannot
    // make one login allocate gigabytes or loop for minutes.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private final Argon2Cost cost;
    private final SecureRandom random;
    private final BiPredicate<String, byte[]> bcrypt;

    public Argon2idPasswordHasher(Argon2Cost cost, SecureRandom random) {
        // OpenBSDBCrypt compares in constant time (Strings.constantTimeAreEqual).
        this(cost, random, OpenBSDBCrypt::checkPassword);
    }

    /** @param bcrypt checks a password's bytes against a bcrypt string; tests record the calls */
    Argon2idPasswordHasher(Argon2Cost cost, SecureRandom random, BiPredicate<String, byte[]> bcrypt) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        this.bcrypt = Objects.requireNonNull(bcrypt, "bcrypt");
    }

    /** With {@link Argon2Cost#DEFAULT} and a new {@link SecureRandom}. */
    public Argon2idPasswordHasher() {
        this(Argon2Cost.DEFAULT, new SecureRandom());
    }

    /** Hashes {@code raw} with argon2id and a fresh salt; every character counts, nothing is cut. */
    public String hash(String raw) {
        Objects.requireNonNull(raw, "raw");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(raw, salt, cost.memoryKiB(), cost.iterations(), cost.parallelism(), HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether {@code raw} is the password of {@code encodedHash} (argon2id or bcrypt), compared in
     * constant time.
     *
     * @throws IllegalArgumentException when {@code encodedHash} is in neither format
     */
    public boolean verify(String raw, String encodedHash) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(encodedHash, "encodedHash");
        Matcher argon2 = PHC.matcher(encodedHash);
        if (argon2.matches()) {
            StoredArgon2 stored = StoredArgon2.of(argon2);
            byte[] actual = argon2id(raw, stored.salt, stored.memoryKiB, stored.iterations, stored.parallelism,
                    stored.hash.length);
            return MessageDigest.isEqual(actual, stored.hash);
        }
        if (BCRYPT.matcher(encodedHash).matches()) {
            return verifyBcrypt(raw, encodedHash);
        }
        throw new IllegalArgumentException("stored password hash is in no supported format");
    }

    /**
     * Whether a hash that just verified should be replaced by {@link #hash}: always for bcrypt,
     * and for argon2id hashes weaker than the configured cost (less memory, fewer iterations, a
     * shorter salt or hash). A stronger stored hash is left alone.
     *
     * @throws IllegalArgumentException when {@code encodedHash} is in neither format
     */
    public boolean needsRehash(String encodedHash) {
        Objects.requireNonNull(encodedHash, "encodedHash");
        Matcher argon2 = PHC.matcher(encodedHash);
        if (argon2.matches()) {
            StoredArgon2 stored = StoredArgon2.of(argon2);
            return stored.memoryKiB < cost.memoryKiB()
                    || stored.iterations < cost.iterations()
                    || stored.salt.length < SALT_BYTES
                    || stored.hash.length < HASH_BYTES;
        }
        if (BCRYPT.matcher(encodedHash).matches()) {
            return true;
        }
        throw new IllegalArgumentException("stored password hash is in no supported format");
    }

    private boolean verifyBcrypt(String raw, String encodedHash) {
        byte[] password = raw.getBytes(StandardCharsets.UTF_8);
        // passlib refused NUL bytes in bcrypt passwords, so no stored bcrypt hash was made from
        // one; such a password is still run through bcrypt (BouncyCastle keys on every byte, NUL
        // included, so it cannot match a hash of its prefix) instead of being refused at once:
        // an early answer would tell a bcrypt account from an argon2id one by its speed.
        boolean hasNul = false;
        for (byte b : password) {
            hasNul |= b == 0;
        }
        byte[] truncated = password.length > BCRYPT_MAX_BYTES ? Arrays.copyOf(password, BCRYPT_MAX_BYTES) : password;
        try {
            return bcrypt.test(encodedHash, truncated) && !hasNul;
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(truncated, (byte) 0);
        }
    }

    private static byte[] argon2id(String raw, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] password = raw.getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(password, out);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        return out;
    }

    /** The parameters, salt and hash of a stored argon2id string, within the sane bounds. */
    private static final class StoredArgon2 {
        final int memoryKiB;
        final int iterations;
        final int parallelism;
        final byte[] salt;
        final byte[] hash;

        private StoredArgon2(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
            this.memoryKiB = memoryKiB;
            this.iterations = iterations;
            this.parallelism = parallelism;
            this.salt = salt;
            this.hash = hash;
        }

        static StoredArgon2 of(Matcher phc) {
            int memoryKiB = Integer.parseInt(phc.group(1));
            int iterations = Integer.parseInt(phc.group(2));
            int parallelism = Integer.parseInt(phc.group(3));
            if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                    || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("stored argon2id hash has parameters outside the supported range");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt;
            byte[] hash;
            try {
                salt = b64.decode(phc.group(4));
                hash = b64.decode(phc.group(5));
            } catch (IllegalArgumentException e) {
                // Not chained: the JDK's message would quote part of the hash.
                throw new IllegalArgumentException("stored argon2id hash is not valid base64");
            }
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("stored argon2id hash has a too short salt or hash");
            }
            return new StoredArgon2(memoryKiB, iterations, parallelism, salt, hash);
        }
    }
}
