package io.bookingservice.bootstrap.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PostgresUrlsTest {

    private final PostgresUrls urls = new PostgresUrls();

    @Test
    void pythonServiceUrlsBecomeJdbcUrlsWithDecodedCredentials() {
        JdbcTarget target = urls.parse("postgresql+psycopg://booking:p%40ss%3Aw+rd@db.example:5433/bookings");

        assertThat(target).isEqualTo(new JdbcTarget("jdbc:postgresql://db.example:5433/bookings", "booking", "p@ss:w+rd"));
        assertThat(target.toString()).doesNotContain("p@ss");
    }

    @Test
    void plainPostgresqlAndJdbcUrlsAreAccepted() {
        assertThat(urls.parse("postgresql://localhost/db?sslmode=require"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://localhost/db?sslmode=require", null, null));
        assertThat(urls.parse("jdbc:postgresql://h:1/d?user=u")).isEqualTo(new JdbcTarget("jdbc:postgresql://h:1/d?user=u", null, null));
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingThePassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> urls.parse("mysql://u:secret@h/d"))
                .withMessageContaining("unsupported database URL scheme 'mysql'").withMessageNotContaining("secret");
    }
}
