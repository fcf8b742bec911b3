package io.bookingservice.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.bootstrap.secrets.AwsSecretSource;
import io.bookingservice.bootstrap.secrets.StubSecretsManager;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.util.Map;
import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.wiring.ServiceContext;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.junit.jupiter.api.Test;

/** The operator commands, wired as in production, against a test database, the real SDK client and a stub Secrets Manager. */
class OperatorCommandsIT {

    private final StubSecretsManager stub = new StubSecretsManager();
    private final AwsSecretSource secrets = new AwsSecretSource(stub.client());
    private final TestDatabase database = TestPostgres.createDatabase();

    @TempDir
    Path data;

    private CommandLineHarness cli;

    @BeforeEach
    void migrated() {
        cli = new CommandLineHarness(secrets, database, data.resolve("booking-data"));
        assertThat(cli.run(Map.of(), "migrate", "upgrade")).as(cli.err.toString()).isZero();
    }

    @AfterEach
    void stop() {
        secrets.close();
        stub.close();
    }

    /** The accounts as the commands left them, read through the operator's own wiring. */
    private List<User> accounts() {
        try (AnnotationConfigApplicationContext context = operatorContext()) {
            return context.getBean(OperateAccountsUseCase.class).listAll();
        }
    }

    private User logIn(String username, String password) {
        try (AnnotationConfigApplicationContext context = operatorContext()) {
            return context.getBean(LogInUseCase.class).logIn(username, password);
        }
    }

    private AnnotationConfigApplicationContext operatorContext() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of("DATABASE_URL", CommandLineHarness.databaseUrl(database),
                "BOOKING_DATA_DIR", data.resolve("booking-data").toString()));
        return ServiceContext.operator(settings, Optional.of(secrets), ServiceContext.Needs.ACCOUNTS);
    }

    @Test
    void rotatePasswordStoresTheSecretUpsertsTheUserAndPrintsNothingSecret() {
        int status = cli.run(Map.of(), "users", "rotate-password", "--env", "prod", "--username", "speaker.office", "--role", "admin");

        assertThat(status).isZero();
        String password = stub.current("speaker.office_password_prod");
        assertThat(password).hasSize(32);
        User user = logIn("speaker.office", password);
        assertThat(user.role()).isEqualTo(Role.ADMIN);
        assertThat(cli.out.toString() + cli.err).doesNotContain(password).contains("speaker.office_password_prod");
    }

    @Test
    void rotatingAgainReplacesThePasswordAndKeepsThePreviousAsAwsPrevious() {
        cli.run(Map.of(), "users", "rotate-password", "--env", "dev", "--username", "alice", "--role", "requester");
        String first = stub.current("alice_password_dev");

        assertThat(cli.run(Map.of(), "users", "rotate-password", "--env", "dev", "--username", "alice", "--role", "requester", "--disabled")).isZero();

        String second = stub.current("alice_password_dev");
        assertThat(second).isNotEqualTo(first);
        assertThat(new AwsSecretSource(stub.client()).previous("alice_password_dev")).contains(first);
        assertThat(accounts()).singleElement().satisfies(u -> assertThat(u.disabled()).isTrue());
    }

    @Test
    void keysGenerateStoresAMatchingPair() {
        assertThat(cli.run(Map.of(), "keys", "generate", "--env", "prod")).isZero();

        String privateSecret = stub.current("private_key_prod");
        String publicSecret = stub.current("public_key_prod");
        assertThat(BookingCommandTest.isPair(privateSecret, publicSecret)).isTrue();
        assertThat(cli.out.toString()).doesNotContain(privateSecret);
    }

    @Test
    void keysGenerateKeepsTheOldPublicKeyAsAwsPreviousUnlessRevoked() {
        cli.run(Map.of(), "keys", "generate", "--env", "prod");
        String first = stub.current("public_key_prod");
        assertThat(cli.run(Map.of(), "keys", "generate", "--env", "prod")).isZero();
        String second = stub.current("public_key_prod");
        assertThat(new AwsSecretSource(stub.client()).previous("public_key_prod")).contains(first);

        assertThat(cli.run(Map.of(), "keys", "generate", "--env", "prod", "--revoke-previous")).isZero();

        String third = stub.current("public_key_prod");
        assertThat(third).isNotIn(first, second);
        assertThat(BookingCommandTest.isPair(stub.current("private_key_prod"), third)).isTrue();
        AwsSecretSource fresh = new AwsSecretSource(stub.client());
        assertThat(fresh.previous("public_key_prod")).contains(third);
        assertThat(fresh.previous("private_key_prod")).contains(stub.current("private_key_prod"));
        assertThat(cli.out.toString()).contains("previous key is revoked").doesNotContain(stub.current("private_key_prod"));
    }

    @Test
    void usersListAndDisableWorkOnTheAccounts() {
        cli.run(Map.of(), "users", "rotate-password", "--env", "dev", "--username", "bob", "--role", "requester");

        assertThat(cli.run(Map.of(), "users", "disable", "--username", "bob")).isZero();
        assertThat(cli.run(Map.of(), "users", "list")).isZero();

        assertThat(cli.out.toString()).contains("disabled bob (requester, disabled)", "bob (requester, disabled)");
    }

    @Test
    void expectedOperatorErrorsAreOneLineWithoutAStackTrace() {
        cli.err.getBuffer().setLength(0); // what migrate upgrade said before the test

        assertThat(cli.run(Map.of(), "users", "disable", "--username", "nobody")).isEqualTo(1);

        assertThat(cli.err.toString().lines().toList()).singleElement().asString()
                .startsWith("booking: users disable: ");
    }

    @Test
    void theOperatorCommandsReachTheConfiguredDatabaseWithoutStartingTheEmbeddedOne() {
        assertThat(cli.run(Map.of(), "idempotency", "purge")).as(cli.err.toString()).isZero();
        assertThat(cli.run(Map.of(), "users", "list")).as(cli.err.toString()).isZero();

        assertThat(cli.out.toString()).contains("purged 0 idempotency key(s) older than 24 hours");
        assertThat(data.resolve("booking-data")).doesNotExist();
    }

    @Test
    void operatorCommandsNeitherMigrateNorCreateTheFirstAdmin() {
        TestDatabase empty = TestPostgres.createDatabase();
        CommandLineHarness atBase = new CommandLineHarness(secrets, empty, data.resolve("booking-data"));

        // serve would migrate this database and create admin; users list does neither, and says what to run.
        assertThat(atBase.run(Map.of(), "users", "list")).isEqualTo(1);
        assertThat(atBase.err.toString()).isEqualTo("booking: users list: the database has no migrations applied yet:"
                + " run booking migrate upgrade (it also adopts a database the Python service left), or start the"
                + " service once\n");

        assertThat(atBase.run(Map.of(), "migrate", "current")).isZero();
        assertThat(atBase.out.toString()).startsWith("base ");
    }

    @Test
    void unreachableSecretsManagerFailsWithStatus1AndNoPasswordIsSet() {
        stub.close();

        assertThat(cli.run(Map.of(), "users", "rotate-password", "--env", "dev", "--username", "carol", "--role", "admin")).isEqualTo(1);
        assertThat(cli.err.toString()).contains("carol_password_dev");
        assertThat(accounts()).isEmpty();
    }
}
