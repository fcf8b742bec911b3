package io.bookingservice.bootstrap.keys;

import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.SecretSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the JWT signing keys come from: Secrets Manager in dev/prod ({@code private_key_{ENV}},
 * {@code public_key_{ENV}}, and the public key's AWSPREVIOUS version for tokens signed before
 * a rotation); files under the data directory otherwise, created on first start.
 */
public final class SigningKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeySource.class);

    private SigningKeySource() {
    }

    public static JwtKeys load(Settings settings, Supplier<SecretSource> secrets) {
        String env = settings.environment().code();
        String privateName = "private_key_" + env;
        String publicName = "public_key_" + env;
        if (settings.environment().usesSecretsManager()) {
            SecretSource source = secrets.get();
            return JwtKeys.fromSecrets(source.current(privateName), source.current(publicName),
                    source.previous(publicName).orElse(null));
        }
        Path directory = settings.dataDirectory().resolve("keys");
        Path privateFile = directory.resolve(privateName);
        Path publicFile = directory.resolve(publicName);
        try {
            if (!Files.exists(privateFile)) {
                Ed25519SecretFormat.EncodedKeyPair pair = Ed25519SecretFormat.generate(new SecureRandom());
                Files.createDirectories(directory);
                writeOwnerOnly(privateFile, pair.privateKeySecret());
                Files.writeString(publicFile, pair.publicKeySecret());
                LOG.info("created a new Ed25519 signing key pair in {}", directory);
            }
            return JwtKeys.fromSecrets(Files.readString(privateFile), Files.readString(publicFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing keys in " + directory, e);
        }
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, value);
    }
}
