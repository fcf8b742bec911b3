package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.security.JwtRejectedException.Reason;
import io.bookingservice.application.testing.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The cache in front of the decoder accepts only what the decoder would accept now. */
class VerifiedTokenCacheTest {

    private static final JwtSettings SETTINGS = JwtSettings.defaults("booking-service", "booking-api");

    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final Ed25519SecretFormat.EncodedKeyPair old = Ed25519SecretFormat.generate(new SecureRandom());
    private final Ed25519SecretFormat.EncodedKeyPair next = Ed25519SecretFormat.generate(new SecureRandom());
    private final JwtKeyHolder holder = new JwtKeyHolder(JwtKeys.fromSecrets(old.privateKeySecret(), old.publicKeySecret()));
    private final Ed25519JwtSigner signer = new Ed25519JwtSigner(holder, SETTINGS, clock);
    private final Ed25519JwtDecoder decoder = new Ed25519JwtDecoder(holder, SETTINGS, clock);
    private final AtomicInteger checks = new AtomicInteger();
    private final JwtDecoder counted = token -> {
        checks.incrementAndGet();
        return decoder.decode(token);
    };
    private final VerifiedTokenCache cache = new VerifiedTokenCache(counted, holder, SETTINGS, clock);

    @Test
    void aTokenSentAgainIsCheckedOnce() {
        String token = signer.issue("admin", "admin", "6f1c1a4e-0000-4000-8000-000000000001").tokenValue();

        for (int i = 0; i < 3; i++) {
            assertThat(cache.decode(token).getSubject()).isEqualTo("admin");
        }

        assertThat(checks).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        String token = signer.issue("admin", "admin").tokenValue();
        cache.decode(token);

        clock.advance(SETTINGS.tokenLifetime());

        assertThatThrownBy(() -> cache.decode(token))
                .isInstanceOfSatisfying(JwtRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
        clock.advance(Duration.ofSeconds(-1));
        assertThat(cache.decode(token).getSubject()).as("a second earlier it was still good").isEqualTo("admin");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsNoLongerTrusted() {
        String token = signer.issue("admin", "admin").tokenValue();
        cache.decode(token);

        holder.replace(JwtKeys.fromSecrets(next.privateKeySecret(), next.publicKeySecret()));

        assertThatThrownBy(() -> cache.decode(token))
                .isInstanceOfSatisfying(JwtRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void theSameKeysReadAgainKeepWhatWasVerified() {
        String token = signer.issue("admin", "admin").tokenValue();
        cache.decode(token);

        holder.replace(JwtKeys.fromSecrets(old.privateKeySecret(), old.publicKeySecret()));
        cache.decode(token);

        assertThat(checks).hasValue(1);
    }

    @Test
    void refusalsAreNeverRemembered() {
        String token = signer.issue("admin", "admin").tokenValue();
        // The signature's first character always changes (its last two carry few bits: rewriting
        // them gave back the same token about one run in sixteen).
        int signature = token.lastIndexOf('.') + 1;
        String tampered = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtRejectedException.class);
        }

        assertThat(checks).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
