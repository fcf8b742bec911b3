package io.bookingservice.bootstrap.keys;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import io.bookingservice.adapters.web.security.JwtKeyHolder;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.bootstrap.secrets.SecretUnavailableException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SigningKeyRefreshTest {

    private final Ed25519SecretFormat.EncodedKeyPair first = Ed25519SecretFormat.generate(new SecureRandom());
    private final Ed25519SecretFormat.EncodedKeyPair second = Ed25519SecretFormat.generate(new SecureRandom());
    private final JwtKeys firstKeys = JwtKeys.fromSecrets(first.privateKeySecret(), first.publicKeySecret());
    private final JwtKeyHolder holder = new JwtKeyHolder(firstKeys);
    private final Deque<Supplier<JwtKeys>> reads = new ArrayDeque<>();
    private final SigningKeyRefresh refresh = new SigningKeyRefresh(() -> reads.removeFirst().get(), "the stand-in", holder);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(SigningKeyRefresh.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(SigningKeyRefresh.class)).detachAppender(log);
    }

    @Test
    void rotatedKeysArePutInForce() {
        JwtKeys rotated = JwtKeys.fromSecrets(second.privateKeySecret(), second.publicKeySecret(), first.publicKeySecret());
        reads.add(() -> rotated);

        refresh.refreshNow();

        assertThat(holder.current()).isSameAs(rotated);
        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .startsWith("signing keys changed").contains(rotated.currentKid(), firstKeys.currentKid()));
    }

    @Test
    void aFailedReadKeepsTheKeysAndWarnsWithoutKeyMaterial() {
        reads.add(() -> {
            throw new SecretUnavailableException("cannot read secret private_key_dev from Secrets Manager: connection refused", null);
        });
        reads.add(() -> JwtKeys.fromSecrets(first.privateKeySecret(), second.publicKeySecret()));

        refresh.refreshNow();
        refresh.refreshNow();

        assertThat(holder.current()).isSameAs(firstKeys);
        assertThat(log.list).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).startsWith("could not re-read the signing keys from the stand-in; keeping")
                    .doesNotContain(first.privateKeySecret(), second.publicKeySecret(), first.publicKeySecret());
            assertThat(e.getThrowableProxy()).isNull();
        });
        assertThat(log.list.get(1).getFormattedMessage()).contains("does not belong to the private key");
    }

    @Test
    void readingTheSameKeysAgainChangesNothingAndLogsNothing() {
        reads.add(() -> JwtKeys.fromSecrets(first.privateKeySecret(), first.publicKeySecret()));

        refresh.refreshNow();

        assertThat(holder.current()).isEqualTo(firstKeys);
        assertThat(log.list).isEmpty();
    }
}
