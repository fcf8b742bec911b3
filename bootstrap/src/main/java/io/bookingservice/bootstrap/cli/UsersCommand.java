package io.bookingservice.bootstrap.cli;

import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.wiring.ServiceContext;
import io.bookingservice.domain.user.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Accounts, for operators. Users are disabled, never deleted, so bookings always name their submitter. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage accounts.")
final class UsersCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What upsert and rotate-password both take. */
    static final class AccountOptions {

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--role", required = true, description = "admin or requester")
        String role;

        @Option(names = "--disabled", description = "create or leave the account disabled")
        boolean disabled;

        CreateUserCommand withPassword(String password, String roleCode) {
            return new CreateUserCommand(username, password, roleCode, disabled);
        }
    }

    /** Shared plumbing: settings, then the operator's context over the configured database. */
    abstract static class AccountsCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settingsOptions;

        final Optional<SecretSource> secrets;
        final Map<String, String> environment;

        AccountsCommand(Optional<SecretSource> secrets, Map<String, String> environment) {
            this.secrets = secrets;
            this.environment = environment;
        }

        /** The accounts of the database {@code settings} name, not migrated; the caller closes it. */
        AnnotationConfigApplicationContext accounts(Settings settings) {
            return ServiceContext.operator(settings, secrets, ServiceContext.Needs.ACCOUNTS);
        }

        static OperateAccountsUseCase users(AnnotationConfigApplicationContext accounts) {
            return accounts.getBean(OperateAccountsUseCase.class);
        }

        Settings settings() {
            return SettingsLoader.load(settingsOptions.asSettings(), environment);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        String role(String role) {
            String code = role.toLowerCase(Locale.ROOT);
            if (!code.equals("admin") && !code.equals("requester")) {
                throw new ParameterException(spec.commandLine(), "--role must be admin or requester");
            }
            return code;
        }

        static String describe(User user) {
            return user.username().value() + " (" + user.role().code() + (user.disabled() ? ", disabled" : "") + ")";
        }
    }

    @Command(name = "upsert", mixinStandardHelpOptions = true,
            description = "Create an account or set its password, role and disabled flag. The password is read from standard input.")
    static final class Upsert extends AccountsCommand {

        @Mixin
        AccountOptions account;

        Upsert(Optional<SecretSource> secrets, Map<String, String> environment) {
            super(secrets, environment);
        }

        @Override
        public Integer call() throws IOException {
            String code = role(account.role);
            // Standard input, never an argument: arguments are visible to everyone in ps.
            String password = readPassword();
            if (password == null || password.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give the password on standard input");
            }
            try (AnnotationConfigApplicationContext accounts = accounts(settings())) {
                User user = users(accounts).upsert(account.withPassword(password, code));
                out().println("upserted " + describe(user));
            }
            return 0;
        }
    }

    /** On a terminal: a prompt and no echo (Console.readPassword); otherwise the first line of standard input. */
    static String readPassword() throws IOException {
        java.io.Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password for the account: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    @Command(name = "rotate-password", mixinStandardHelpOptions = true,
            description = {"Generate a strong password, store it as secret USERNAME_password_ENV, then create or update",
                    "the account with it (the Python manage_passwords tool). Prints nothing secret."})
    static final class RotatePassword extends AccountsCommand {

        @Mixin
        AccountOptions account;

        RotatePassword(Optional<SecretSource> secrets, Map<String, String> environment) {
            super(secrets, environment);
        }

        @Override
        public Integer call() {
            String code = role(account.role);
            Settings settings = settings();
            String secretName = account.username + "_password_" + settings.environment().code();
            String password = strongPassword();
            try (AnnotationConfigApplicationContext accounts = accounts(settings)) {
                // Secret first: if the database step fails the operator can retry, and the stored
                // password is never one that no-one can read back.
                accounts.getBean(SecretSource.class).put(secretName, password);
                User user = users(accounts).upsert(account.withPassword(password, code));
                out().println("stored a new password in secret " + secretName + " and upserted " + describe(user));
            }
            return 0;
        }

        /** 192 random bits, URL-safe: 32 characters, inside the 8–128 accepted. */
        static String strongPassword() {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account (or enable it again with --enable).")
    static final class Disable extends AccountsCommand {

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--enable", description = "re-enable instead")
        boolean enable;

        Disable(Optional<SecretSource> secrets, Map<String, String> environment) {
            super(secrets, environment);
        }

        @Override
        public Integer call() {
            try (AnnotationConfigApplicationContext accounts = accounts(settings())) {
                out().println((enable ? "enabled " : "disabled ") + describe(users(accounts).setDisabled(username, !enable)));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
    static final class ListUsers extends AccountsCommand {

        ListUsers(Optional<SecretSource> secrets, Map<String, String> environment) {
            super(secrets, environment);
        }

        @Override
        public Integer call() {
            try (AnnotationConfigApplicationContext accounts = accounts(settings())) {
                for (User user : users(accounts).listAll()) {
                    out().println(describe(user));
                }
            }
            return 0;
        }
    }
}
