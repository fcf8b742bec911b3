package io.bookingservice.bootstrap.secrets;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;

/**
 * The service's HikariCP pool over a {@link RotatingCredentialsDataSource}, with timeouts
 * short enough that a database outage turns into a quick error rather than a hung request.
 * The settings follow the MyBatis adapter's {@code PostgresPool} (see its reasons there);
 * the difference is where credentials come from: per connection, from a rotatable source.
 */
public final class DatabasePool {

    private DatabasePool() {
    }

    public static HikariDataSource open(DatabaseCredentials credentials, String name, int maximumSize) {
        Properties driver = new Properties();
        // Seconds, as pgjdbc counts them; options in the URL override these.
        driver.setProperty("prepareThreshold", "5");
        driver.setProperty("connectTimeout", "5");
        driver.setProperty("socketTimeout", "30");
        driver.setProperty("tcpKeepAlive", "true");
        driver.setProperty("ApplicationName", "booking-service");
        RotatingCredentialsDataSource rotating = new RotatingCredentialsDataSource(credentials, driver);

        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(rotating);
        config.setMaximumPoolSize(maximumSize);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Start even when the database is down: readiness says so, and the pool connects when it is back.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        // Connections opened with the old password still work until they are closed; retire
        // them gently so the whole pool runs on the current credentials.
        rotating.afterRotation(() -> pool.getHikariPoolMXBean().softEvictConnections());
        return pool;
    }
}
