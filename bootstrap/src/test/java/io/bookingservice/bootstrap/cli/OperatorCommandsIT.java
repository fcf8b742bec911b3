package io.bookingservice.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.bootstrap.secrets.AwsSecretSource;
import io.bookingservice.bootstrap.secrets.StubSecretsManager;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator commands against the real SDK client and a stub Secrets Manager. */
class OperatorCommandsIT {

    private final StubSecretsManager stub = new StubSecretsManager();
    private final AwsSecretSource secrets = new AwsSecretSource(stub.client());
    private final CommandLineHarness cli = new CommandLineHarness(secrets);

    @AfterEach
    void stop() {
        secrets.close();
        stub.close();
    }

    @Test
    void rotatePasswordStoresTheSecretUpsertsTheUserAndPrintsNothingSecret() {
        int status = cli.run(Map.of(), "users", "rotate-password", "--env", "prod", "--username", "speaker.office", "--role", "admin");

        assertThat(status).isZero();
        String password = stub.current("speaker.office_password_prod");
        assertThat(password).hasSize(32);
        User user = cli.accounts.logIn("speaker.office", password);
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
        assertThat(cli.accounts.listAll()).singleElement().satisfies(u -> assertThat(u.disabled()).isTrue());
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
    void unreachableSecretsManagerFailsWithStatus1AndNoPasswordIsSet() {
        stub.close();

        assertThat(cli.run(Map.of(), "users", "rotate-password", "--env", "dev", "--username", "carol", "--role", "admin")).isEqualTo(1);
        assertThat(cli.err.toString()).contains("carol_password_dev");
        assertThat(cli.accounts.listAll()).isEmpty();
    }
}
