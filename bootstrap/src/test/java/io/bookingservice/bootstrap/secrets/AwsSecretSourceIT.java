package io.bookingservice.bootstrap.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwsSecretSourceIT {

    private final StubSecretsManager stub = new StubSecretsManager();
    private final AwsSecretSource secrets = new AwsSecretSource(stub.client());

    @AfterEach
    void stop() {
        secrets.close();
        stub.close();
    }

    @Test
    void currentValueIsReadOnceThenServedFromTheCache() {
        stub.put("private_key_dev", "key-1");

        assertThat(secrets.current("private_key_dev")).isEqualTo("key-1");
        stub.put("private_key_dev", "key-2");

        assertThat(secrets.current("private_key_dev")).isEqualTo("key-1");
        assertThat(stub.calls("GetSecretValue")).isEqualTo(1);
    }

    @Test
    void refreshReadsTheRotatedValueAndThePreviousVersionFollows() {
        stub.put("public_key_dev", "old");
        assertThat(secrets.current("public_key_dev")).isEqualTo("old");
        stub.put("public_key_dev", "new");

        assertThat(secrets.refresh("public_key_dev")).isEqualTo("new");
        assertThat(secrets.current("public_key_dev")).isEqualTo("new");
        assertThat(secrets.previous("public_key_dev")).contains("old");
    }

    @Test
    void aSecretNeverRotatedHasNoPreviousVersion() {
        stub.put("public_key_prod", "only");

        assertThat(secrets.previous("public_key_prod")).isEmpty();
    }

    @Test
    void missingSecretIsNamedAsMissing() {
        assertThatThrownBy(() -> secrets.current("db_connection_string_prod"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("db_connection_string_prod")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refreshKeepsTheCachedValueWhenSecretsManagerIsUnreachable() {
        stub.put("db_connection_string_dev", "postgresql://u:p@h/db");
        secrets.current("db_connection_string_dev");
        stub.close();

        assertThat(secrets.refresh("db_connection_string_dev")).isEqualTo("postgresql://u:p@h/db");
    }

    @Test
    void unreachableSecretsManagerWithNothingCachedFailsNamingTheSecret() {
        stub.close();

        assertThatThrownBy(() -> secrets.current("private_key_prod"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("private_key_prod");
    }

    @Test
    void putCreatesThenRotatesASecret() {
        secrets.put("alice_password_dev", "first");
        secrets.put("alice_password_dev", "second");

        assertThat(stub.current("alice_password_dev")).isEqualTo("second");
        assertThat(new AwsSecretSource(stub.client()).previous("alice_password_dev")).contains("first");
        assertThat(stub.calls("CreateSecret")).isEqualTo(1);
    }
}
