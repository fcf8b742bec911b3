package io.bookingservice.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.security.JwtRejectedException.Reason;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signer and the decoder follow the keys their shared holder is given after a rotation. */
class JwtKeyHolderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final JwtSettings SETTINGS = JwtSettings.defaults("booking-service", "booking-api");

    private final Ed25519SecretFormat.EncodedKeyPair old = Ed25519SecretFormat.generate(new SecureRandom());
    private final Ed25519SecretFormat.EncodedKeyPair next = Ed25519SecretFormat.generate(new SecureRandom());
    private final JwtKeyHolder holder = new JwtKeyHolder(JwtKeys.fromSecrets(old.privateKeySecret(), old.publicKeySecret()));
    private final Ed25519JwtSigner signer = new Ed25519JwtSigner(holder, SETTINGS, CLOCK);
    private final Ed25519JwtDecoder decoder = new Ed25519JwtDecoder(holder, SETTINGS, CLOCK);

    @Test
    void afterARotationTheSignerUsesTheNewKeyAndTheDecoderStillTrustsThePreviousOne() {
        String signedBefore = signer.issue("admin", "admin").tokenValue();

        boolean changed = holder.replace(JwtKeys.fromSecrets(next.privateKeySecret(), next.publicKeySecret(), old.publicKeySecret()));

        assertThat(changed).isTrue();
        String signedAfter = signer.issue("admin", "admin").tokenValue();
        assertThat(decoder.decode(signedAfter).getHeaders()).containsEntry("kid", holder.current().currentKid());
        assertThat(decoder.decode(signedBefore).getSubject()).isEqualTo("admin");
    }

    @Test
    void withoutThePreviousKeyTokensSignedBeforeTheRotationAreRefused() {
        String signedBefore = signer.issue("admin", "admin").tokenValue();

        holder.replace(JwtKeys.fromSecrets(next.privateKeySecret(), next.publicKeySecret()));

        assertThatThrownBy(() -> decoder.decode(signedBefore))
                .isInstanceOfSatisfying(JwtRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        assertThat(decoder.decode(signer.issue("admin", "admin").tokenValue()).getSubject()).isEqualTo("admin");
    }

    @Test
    void theSameKeysReadAgainAreNoChange() {
        assertThat(holder.replace(JwtKeys.fromSecrets(old.privateKeySecret(), old.publicKeySecret()))).isFalse();
        assertThat(holder.replace(JwtKeys.fromSecrets(old.privateKeySecret(), old.publicKeySecret(), next.publicKeySecret()))).isTrue();
        assertThat(holder.replace(JwtKeys.fromSecrets(old.privateKeySecret(), old.publicKeySecret()))).isTrue();
    }
}
