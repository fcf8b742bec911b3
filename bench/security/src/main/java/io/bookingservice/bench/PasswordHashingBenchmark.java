package io.bookingservice.bench;

import io.bookingservice.adapters.web.security.Argon2idPasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one login pays: argon2id (m=19456 KiB, t=2, p=1) hash and verify, against the legacy
 * passlib bcrypt-12 verify of the fixture's admin (the baseline every adopted user starts on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashingBenchmark {

    private static final String LEGACY_ADMIN_HASH = "$2b$12$NjNQgZarzNYj4ylwSXrstut35wV7ZroDwaF8MhDD1lpgM9FrHmogu";
    private static final String LEGACY_ADMIN_PASSWORD = "Admin-Pass-2024!";

    private Argon2idPasswordHasher hasher;
    private String argon2Hash;

    @Setup
    public void setUp() {
        hasher = new Argon2idPasswordHasher();
        argon2Hash = hasher.hash("correct horse battery staple");
    }

    @Benchmark
    public String argon2idHash() {
        return hasher.hash("correct horse battery staple");
    }

    @Benchmark
    public boolean argon2idVerify() {
        return hasher.verify("correct horse battery staple", argon2Hash);
    }

    @Benchmark
    public boolean legacyBcryptVerify() {
        return hasher.verify(LEGACY_ADMIN_PASSWORD, LEGACY_ADMIN_HASH);
    }
}
