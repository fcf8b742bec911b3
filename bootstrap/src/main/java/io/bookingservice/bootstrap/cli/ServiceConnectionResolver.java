package io.bookingservice.bootstrap.cli;

import io.bookingservice.bootstrap.cli.migrate.ConnectionResolver;
import io.bookingservice.bootstrap.cli.migrate.JdbcTarget;
import io.bookingservice.bootstrap.cli.migrate.PropertiesConnectionResolver;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.database.EmbeddedDatabase;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code booking migrate}'s database, found the way the service finds its own: {@code --url},
 * DATABASE_URL or {@code url=} in the config file first (any form {@link DatabaseUrl} reads,
 * RDS secret JSON included); otherwise, like {@code serve}, the Secrets Manager secret
 * {@code db_connection_string_{ENV}} in dev/prod, or local mode's embedded PostgreSQL, which is
 * started for the command and stopped when the process exits.
 */
final class ServiceConnectionResolver implements ConnectionResolver {

    private final Map<String, String> environment;
    private final PropertiesConnectionResolver explicit;
    private final Function<Settings, SecretSource> secrets;

    ServiceConnectionResolver(Map<String, String> environment, Function<Settings, SecretSource> secrets) {
        this.environment = environment;
        this.explicit = new PropertiesConnectionResolver(environment, url -> {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            return new JdbcTarget(parsed.jdbcUrl(), parsed.username(), parsed.password());
        });
        this.secrets = secrets;
    }

    @Override
    public MigrationSettings settings(Options options) {
        return explicit.settings(options);
    }

    @Override
    public JdbcTarget database(Options options) {
        Map<String, String> commandLine = new HashMap<>();
        if (options.config() != null) {
            commandLine.put(SettingsLoader.CONFIG_FILE, options.config().toString());
        }
        Settings settings = SettingsLoader.load(commandLine, environment);
        if (options.url() != null || settings.databaseUrl().isPresent() || !settings.environment().usesSecretsManager()
                && !settings.embeddedDatabase()) {
            return explicit.database(options);
        }
        DatabaseUrl url;
        if (settings.environment().usesSecretsManager()) {
            url = DatabaseUrl.parse(secrets.apply(settings).current("db_connection_string_" + settings.environment().code()));
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDirectory());
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
            url = embedded.url();
        }
        return new JdbcTarget(url.jdbcUrl(), options.user() != null ? options.user() : url.username(),
                options.password() != null ? options.password() : url.password());
    }
}
