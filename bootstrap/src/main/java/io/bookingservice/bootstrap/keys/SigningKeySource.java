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
 * a rotation, unless BOOKING_TRUST_PREVIOUS_KEY is off); files under the data directory
 * otherwise, created on first start.
 *
 * <p>{@link #load()} is the first read at start; {@link #reload()} reads what is stored now,
 * for {@link SigningKeyRefresh}. Both read from the store, never from a cache.
 */
public final class SigningKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeySource.class);

    private final Settings settings;
    private final Supplier<SecretSource> secrets;
    private final String privateName;
    private final String publicName;

    private SigningKeySource(Settings settings, Supplier<SecretSource> secrets) {
        this.settings = settings;
        this.secrets = secrets;
        String env = settings.environment().code();
        this.privateName = "private_key_" + env;
        this.publicName = "public_key_" + env;
    }

    /** @param secrets asked only in dev/prod, so local mode never sets up an AWS client */
    public static SigningKeySource of(Settings settings, Supplier<SecretSource> secrets) {
        return new SigningKeySource(settings, secrets);
    }

    /** The keys at start; in local mode a missing pair is created first. */
    public JwtKeys load() {
        if (!settings.environment().usesSecretsManager()) {
            createLocalKeysIfMissing();
        }
        return reload();
    }

    /**
     * The keys stored now.
     *
     * @throws RuntimeException when they cannot be read, or the public key does not belong to the
     *                          private key (a rotation half done); messages carry no key material
     */
    public JwtKeys reload() {
        if (settings.environment().usesSecretsManager()) {
            SecretSource source = secrets.get();
            String privateKey = source.readCurrent(privateName);
            String publicKey = source.readCurrent(publicName);
            String previousPublicKey = settings.trustPreviousKey() ? source.readPrevious(publicName).orElse(null) : null;
            return JwtKeys.fromSecrets(privateKey, publicKey, previousPublicKey);
        }
        try {
            return JwtKeys.fromSecrets(Files.readString(keyDirectory().resolve(privateName)),
                    Files.readString(keyDirectory().resolve(publicName)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing keys in " + keyDirectory(), e);
        }
    }

    /** Where the keys are, for log lines. */
    public String location() {
        return settings.environment().usesSecretsManager()
                ? "Secrets Manager secrets " + privateName + " and " + publicName
                : "files " + privateName + " and " + publicName + " in " + keyDirectory();
    }

    private Path keyDirectory() {
        return settings.dataDirectory().resolve("keys");
    }

    private void createLocalKeysIfMissing() {
        Path directory = keyDirectory();
        Path privateFile = directory.resolve(privateName);
        try {
            if (!Files.exists(privateFile)) {
                Ed25519SecretFormat.EncodedKeyPair pair = Ed25519SecretFormat.generate(new SecureRandom());
                Files.createDirectories(directory);
                writeOwnerOnly(privateFile, pair.privateKeySecret());
                Files.writeString(directory.resolve(publicName), pair.publicKeySecret());
                LOG.info("created a new Ed25519 signing key pair in {}", directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the signing keys in " + directory, e);
        }
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, value);
    }
}
