package io.bookingservice.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void describesTheDatabaseServerAndUserButNeverThePasswordOrOptions() {
        assertThat(DatabaseUrl.parse("postgresql://app:s3cret@db.example.com/app%20db?sslmode=require").describe())
                .isEqualTo("database \"app db\" on db.example.com:5432 as app");
        assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5433/db").describe())
                .isEqualTo("database \"db\" on [::1]:5433 as u");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:6543/?password=x").describe())
                .isEqualTo("database \"(the user's default)\" on h:6543");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:5432/db?user=u&password=x").describe())
                .isEqualTo("database \"?\" on (see DATABASE_URL) as u");
    }

    @Test
    void aSiblingDatabaseKeepsServerCredentialsAndOptions() {
        DatabaseUrl sibling = DatabaseUrl.parse("postgresql://app:s3cret@db:5433/live?sslmode=require")
                .onDatabase("drift scratch");

        assertThat(sibling.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/drift%20scratch?sslmode=require");
        assertThat(sibling.username()).isEqualTo("app");
        assertThat(sibling.password()).isEqualTo("s3cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h1,h2/db").onDatabase("x"))
                .isInstanceOf(InvalidDatabaseUrlException.class).hasMessageContaining("one server");
    }

    @Test
    void pythonServiceUrlHasItsPasswordUrlDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+psycopg://booking:p%40ss%2Fw0rd@db.example.com:5432/booking");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/booking");
        assertThat(url.username()).isEqualTo("booking");
        assertThat(url.password()).isEqualTo("p@ss/w0rd");
    }

    @Test
    void plusInThePasswordStaysAPlusAsPythonsUnquoteReadsIt() {
        assertThat(DatabaseUrl.parse("postgresql://u:a+b@h/db").password()).isEqualTo("a+b");
    }

    @Test
    void libpqSchemesAreAcceptedAndQueryParametersKept() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:secret@10.0.0.5/appdb?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5/appdb?sslmode=require");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void ipv6HostKeepsItsBrackets() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @Test
    void urlWithoutCredentialsLeavesThemToTheDriver() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/db");

        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void jdbcUrlCredentialsMoveOutOfTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://host:5432/db?user=app&password=s%26cret&ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?ssl=true");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s&cret");
    }

    @Test
    void rdsRotationJsonBecomesAJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("""
                {"engine":"postgres","host":"db.abc.eu-west-1.rds.amazonaws.com","username":"booking",
                 "password":"p\\"w{}@:/","dbname":"booking","port":5432,"dbInstanceIdentifier":"booking-db"}
                """);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.abc.eu-west-1.rds.amazonaws.com:5432/booking");
        assertThat(url.username()).isEqualTo("booking");
        assertThat(url.password()).isEqualTo("p\"w{}@:/");
    }

    @Test
    void rdsJsonWithoutDbnameUsesThePostgresDatabaseAndAcceptsAStringPort() {
        DatabaseUrl url = DatabaseUrl.parse("{\"host\":\"h\",\"port\":\"6543\",\"username\":\"u\",\"password\":\"p\"}");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/postgres");
    }

    @Test
    void rdsJsonOfAnotherEngineIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"engine\":\"mysql\",\"host\":\"h\",\"username\":\"u\",\"password\":\"hunter2\"}"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("mysql")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rdsJsonWithoutAPasswordNamesTheMissingField() {
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"host\":\"h\",\"username\":\"u\"}"))
                .hasMessageContaining("'password'");
    }

    @Test
    void brokenJsonErrorGivesAPositionNotTheSecret() {
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"host\":\"h\",\"password\":\"hunter2\" \"username\":1}"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("at character")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@host/db"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("'mysql'")
                .hasMessageContaining("postgresql+psycopg://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void malformedEscapeInThePasswordIsReportedWithoutIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2%zz@host/db"))
                .hasMessageContaining("password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnencodedAtSignInThePasswordIsRefusedWithoutLeakingAnyOfIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://app:s3cr@t@db.internal/booking"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("%40")
                .hasMessageNotContaining("s3cr")
                .hasMessageNotContaining("t@db");
    }

    @Test
    void nonNumericPortIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@host:abc/db"))
                .hasMessageContaining("port");
    }

    @Test
    void missingHostIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///db")).hasMessageContaining("no host");
    }

    @Test
    void emptyAndSchemelessValuesAreRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DatabaseUrl.parse("hunter2")).hasMessageContaining("no scheme").hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringRedactsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+psycopg://booking:hunter2@host:5432/db");

        assertThat(url.toString()).contains("jdbc:postgresql://host:5432/db", "booking").doesNotContain("hunter2");
    }
}
