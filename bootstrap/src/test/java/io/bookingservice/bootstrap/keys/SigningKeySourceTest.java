package io.bookingservice.bootstrap.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.bootstrap.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode: the keys are files under the data directory, re-read like the secrets. */
class SigningKeySourceTest {

    @TempDir
    Path dataDirectory;

    private SigningKeySource source() {
        return SigningKeySource.of(SettingsLoader.load(Map.of(), Map.of("BOOKING_DATA_DIR", dataDirectory.toString())),
                () -> {
                    throw new AssertionError("local mode must not ask for Secrets Manager");
                });
    }

    @Test
    void replacedKeyFilesAreWhatTheNextReadReturns() throws IOException {
        JwtKeys created = source().load();
        Ed25519SecretFormat.EncodedKeyPair replacement = Ed25519SecretFormat.generate(new SecureRandom());
        Files.writeString(dataDirectory.resolve("keys/private_key_local"), replacement.privateKeySecret());
        Files.writeString(dataDirectory.resolve("keys/public_key_local"), replacement.publicKeySecret());

        JwtKeys reread = source().reload();

        assertThat(reread).isNotEqualTo(created)
                .isEqualTo(JwtKeys.fromSecrets(replacement.privateKeySecret(), replacement.publicKeySecret()));
        assertThat(reread.previousKid()).isEmpty();
    }

    @Test
    void aReReadNeverCreatesKeys() throws IOException {
        source().load();
        Files.delete(dataDirectory.resolve("keys/private_key_local"));

        assertThatThrownBy(() -> source().reload()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read the signing keys");
        assertThat(dataDirectory.resolve("keys/private_key_local")).doesNotExist();
    }

    @Test
    void theKeysOfAStartAreKeptForTheNextStart() {
        assertThat(source().load()).isEqualTo(source().load());
    }
}
