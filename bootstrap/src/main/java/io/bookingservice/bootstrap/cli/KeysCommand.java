package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.config.RefusedException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.adapters.web.security.Ed25519SecretFormat;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.wiring.ServiceContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** JWT signing keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the JWT signing keys.")
final class KeysCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Generate an Ed25519 key pair and store it as secrets private_key_ENV and public_key_ENV",
                    "(base64 of PEM, the Python service's format), or write those two files with --out.",
                    "Running services sign with the new key within BOOKING_KEY_REFRESH seconds and keep verifying",
                    "tokens signed with the previous key (AWSPREVIOUS) unless --revoke-previous is given."})
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settingsOptions;

        @Option(names = "--out", paramLabel = "DIR", description = "write files into DIR instead of Secrets Manager")
        Path out;

        @Option(names = "--revoke-previous",
                description = {"after a leak: also make AWSPREVIOUS equal AWSCURRENT, so that tokens signed with the old key",
                        "are refused (everyone signs in again) once the services have re-read the keys"})
        boolean revokePrevious;

        @Option(names = "--force", description = "with --out: replace key files that already exist")
        boolean force;

        private final Optional<SecretSource> secrets;
        private final Map<String, String> environment;

        Generate(Optional<SecretSource> secrets, Map<String, String> environment) {
            this.secrets = secrets;
            this.environment = environment;
        }

        @Override
        public Integer call() throws IOException {
            // Keys need Secrets Manager or --out, never a database: no DATABASE_URL is asked for.
            Settings settings = SettingsLoader.loadWithoutDatabase(settingsOptions.asSettings(), environment);
            String env = settings.environment().code();
            // The web adapter's encoder: exactly the bytes the Python service wrote and reads.
            Ed25519SecretFormat.EncodedKeyPair keys = Ed25519SecretFormat.generate(new SecureRandom());
            PrintWriter stdout = spec.commandLine().getOut();
            String privateName = "private_key_" + env;
            String publicName = "public_key_" + env;
            if (out != null) {
                if (revokePrevious) {
                    throw new ParameterException(spec.commandLine(),
                            "--revoke-previous applies to Secrets Manager: key files have no previous version");
                }
                for (Path existing : new Path[] {out.resolve(privateName), out.resolve(publicName)}) {
                    if (Files.exists(existing) && !force) {
                        // Replacing a key pair logs everyone out: only when asked for.
                        throw new RefusedException(existing + " exists; replacing it invalidates every token signed"
                                + " with it: add --force to replace it");
                    }
                }
                Files.createDirectories(out);
                writePrivate(out.resolve(privateName), keys.privateKeySecret());
                Files.writeString(out.resolve(publicName), keys.publicKeySecret());
                stdout.println("wrote " + out.resolve(privateName) + " (owner-only) and " + out.resolve(publicName));
            } else {
                try (AnnotationConfigApplicationContext context = ServiceContext.operator(settings, this.secrets,
                        ServiceContext.Needs.SECRETS)) {
                    store(context.getBean(SecretSource.class), keys, privateName, publicName, stdout);
                }
            }
            return 0;
        }

        private void store(SecretSource secrets, Ed25519SecretFormat.EncodedKeyPair keys, String privateName,
                           String publicName, PrintWriter stdout) {
            // Public first: verifiers that pick up the new public key early still accept the old
            // tokens through AWSPREVIOUS, while a private key nobody can verify would break logins.
            secrets.put(publicName, keys.publicKeySecret());
            secrets.put(privateName, keys.privateKeySecret());
            if (revokePrevious) {
                // Storing the same values again moves AWSPREVIOUS onto them: the old public key is
                // no longer trusted, and the old private key no longer has a stage of its own.
                secrets.put(publicName, keys.publicKeySecret());
                secrets.put(privateName, keys.privateKeySecret());
                stdout.println("stored secrets " + privateName + " and " + publicName
                        + "; the previous key is revoked (AWSPREVIOUS = AWSCURRENT): services refuse tokens signed"
                        + " with it once they have re-read the keys (BOOKING_KEY_REFRESH)");
            } else {
                stdout.println("stored secrets " + privateName + " and " + publicName
                        + "; the previous versions stay available as AWSPREVIOUS");
            }
        }

        private static void writePrivate(Path file, String value) throws IOException {
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, value);
        }
    }
}
