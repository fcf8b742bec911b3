package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.bootstrap.config.Persistence;
import io.bookingservice.bootstrap.config.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * On a database without any account, creates {@code admin}: with BOOKING_ADMIN_PASSWORD, or
 * in local and test mode with a generated password that never reaches the log. On an
 * interactive terminal it is shown once on the console (standard error); otherwise (a service
 * manager, a container, {@code LOG_FORMAT=json} collected from standard output) it is written
 * to the owner-only file {@value #PASSWORD_FILE} in the data directory, and the log names that
 * file. dev and prod never get a generated password: there, use
 * {@code booking users rotate-password}. An adopted database that has users is left alone,
 * and a BOOKING_ADMIN_PASSWORD that therefore has no effect is warned about. Several instances
 * starting together on an empty database create one admin between them, and only that
 * instance shows or stores its password.
 */
public final class FirstAdmin implements SmartInitializingSingleton {

    public static final String USERNAME = "admin";

    /** Where a generated password goes when there is no terminal to show it on. */
    public static final String PASSWORD_FILE = "admin-password";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final OperateAccountsUseCase users;
    private final Settings settings;
    private final PrintStream console;
    private final boolean interactive;

    /** {@code console} is used only when the process has a terminal ({@link System#console()}). */
    public FirstAdmin(OperateAccountsUseCase users, Settings settings, PrintStream console) {
        this(users, settings, console, System.console() != null);
    }

    FirstAdmin(OperateAccountsUseCase users, Settings settings, PrintStream console, boolean interactive) {
        this.users = users;
        this.settings = settings;
        this.console = console;
        this.interactive = interactive;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!users.noUsers()) {
            if (settings.adminPassword().isPresent()) {
                LOG.warn("BOOKING_ADMIN_PASSWORD is set but ignored: it only sets the first account's password, and"
                        + " this database has accounts already (change a password with PUT /users/me/password or"
                        + " booking users upsert)");
            }
            return;
        }
        if (settings.adminPassword().isPresent()) {
            if (users.createFirstAccount(new CreateUserCommand(USERNAME, settings.adminPassword().get(), "admin", false)).isPresent()) {
                LOG.info("created the first account, admin, with the password from BOOKING_ADMIN_PASSWORD");
            } else {
                LOG.info("another instance created the first account meanwhile");
            }
            return;
        }
        if (settings.environment().usesSecretsManager()) {
            LOG.warn("there is no account yet; create one with: booking users rotate-password --env {} --username admin --role admin",
                    settings.environment().code());
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Instances started together on an empty database all get here; only the one whose
        // account was created may announce its password, or an operator would note a dead one.
        if (users.createFirstAccount(new CreateUserCommand(USERNAME, password, "admin", false)).isEmpty()) {
            LOG.info("another instance created the first account meanwhile; it shows or stores the password");
            return;
        }
        boolean memory = settings.persistence() == Persistence.MEMORY;
        String lifetime = memory ? "In-memory persistence: a new admin password is generated at every start."
                : "It is not shown again; change it with PUT /users/me/password.";
        if (interactive) {
            LOG.info("created the first account, admin, with a generated password (shown on the terminal, not logged)");
            console.println();
            console.println("  First start: created user 'admin' with password: " + password);
            console.println("  " + lifetime);
            console.println();
            console.flush();
            return;
        }
        Path file = settings.dataDirectory().resolve(PASSWORD_FILE);
        writeOwnerOnly(file, password);
        LOG.info("created the first account, admin, with a generated password, written to {} (owner-only){}", file,
                memory ? "; in-memory persistence makes a new one at every start"
                        : "; log in, change it with PUT /users/me/password, then delete the file");
    }

    private static void writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated admin password to " + file, e);
        }
    }
}
