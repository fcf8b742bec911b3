package io.bookingservice.bootstrap.wiring;

import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.port.in.ManageUsersUseCase;
import io.bookingservice.bootstrap.config.Settings;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * On a database without any account, creates {@code admin}: with BOOKING_ADMIN_PASSWORD, or
 * in local and test mode with a generated password printed once to the console (never to
 * the log). dev and prod never get a generated password: there, use
 * {@code booking users rotate-password}. An adopted database that has users is left alone.
 * Several instances starting together on an empty database create one admin between them,
 * and only that instance prints its password.
 */
public final class FirstAdmin implements SmartInitializingSingleton {

    public static final String USERNAME = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final ManageUsersUseCase users;
    private final Settings settings;
    private final PrintStream console;

    public FirstAdmin(ManageUsersUseCase users, Settings settings, PrintStream console) {
        this.users = users;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!users.noUsers()) {
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
            LOG.info("another instance created the first account meanwhile; its console shows the password");
            return;
        }
        LOG.info("created the first account, admin, with a generated password (printed once on the console)");
        console.println();
        console.println("  First start: created user 'admin' with password: " + password);
        console.println("  It is not shown again; change it with PUT /users/me/password.");
        console.println();
    }
}
