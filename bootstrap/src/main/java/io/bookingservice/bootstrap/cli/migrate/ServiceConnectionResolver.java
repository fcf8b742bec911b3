package io.bookingservice.bootstrap.cli.migrate;

import io.bookingservice.bootstrap.config.Environment;
import io.bookingservice.bootstrap.config.InvalidSettingsException;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.bookingservice.bootstrap.database.DatabaseLocation;
import io.bookingservice.bootstrap.database.EmbeddedDatabase;
import io.bookingservice.bootstrap.secrets.DatabaseCredentials;
import io.bookingservice.bootstrap.secrets.SecretSource;
import io.bookingservice.bootstrap.wiring.ServiceContext;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.config.InvalidDatabaseUrlException;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Optional;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code booking migrate}'s database: exactly the one {@code serve} reaches with the same
 * settings ({@link SettingsLoader}: command line, environment, the config file given by
 * {@code -c/--config} or BOOKING_CONFIG, with the service's names — DATABASE_URL,
 * DATABASE_URL_TEST, ENV, BOOKING_DATA_DIR, …), located by {@link DatabaseLocation}: the URL,
 * else the secret {@code db_connection_string_{ENV}} in dev/prod, else local mode's embedded
 * PostgreSQL. {@code --url} is DATABASE_URL given on the command line and may not carry a
 * password (arguments are visible to every user in {@code ps}).
 * The scripts are the service's too: BOOKING_MIGRATION_LOCATIONS and
 * BOOKING_MIGRATION_UNDO_LOCATION ({@link Settings#migrationScripts()}).
 */
public final class ServiceConnectionResolver implements ConnectionResolver {

    private final Map<String, String> environment;
    private final Optional<SecretSource> secrets;

    /** @param secrets a secret source to use instead of Secrets Manager (tests); empty: Secrets Manager */
    public ServiceConnectionResolver(Map<String, String> environment, Optional<SecretSource> secrets) {
        this.environment = Map.copyOf(environment);
        this.secrets = secrets;
    }

    @Override
    public MigrationSettings settings(Options options) {
        return SettingsLoader.loadWithoutDatabase(commandLine(options), environment).migrationScripts();
    }

    @Override
    public JdbcTarget database(Options options) {
        if (options.url() != null) {
            refusePassword(options.url());
        }
        Settings settings = SettingsLoader.load(commandLine(options), environment);
        Properties file = properties(options);
        DatabaseLocation location = DatabaseLocation.of(settings);
        DatabaseUrl url;
        Runnable release = () -> { };
        String origin = location.origin();
        if (location instanceof DatabaseLocation.Configured configured) {
            url = configured.url();
            origin = urlOrigin(options, settings, file);
        } else if (location instanceof DatabaseLocation.Secret secret) {
            // The service's own secrets configuration, and nothing else: no database is opened here.
            try (AnnotationConfigApplicationContext context = ServiceContext.operator(settings, secrets,
                    ServiceContext.Needs.SECRETS)) {
                url = DatabaseCredentials.fromSecret(context.getBean(SecretSource.class), secret.name()).current();
            }
        } else {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(((DatabaseLocation.Embedded) location).dataDirectory());
            url = embedded.url();
            release = embedded::close;
        }
        url = new DatabaseUrl(url.jdbcUrl(), options.user() != null ? options.user() : url.username(),
                options.password() != null ? options.password() : url.password());
        return new JdbcTarget(url, url.describe() + " (from " + origin + ")", release);
    }

    private static Map<String, String> commandLine(Options options) {
        Map<String, String> commandLine = new HashMap<>();
        if (options.config() != null) {
            commandLine.put(SettingsLoader.CONFIG_FILE, options.config().toString());
        }
        if (options.env() != null) {
            commandLine.put("ENV", options.env());
        }
        if (options.url() != null) {
            commandLine.put("DATABASE_URL", options.url());
        }
        return commandLine;
    }

    private static void refusePassword(String url) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (InvalidDatabaseUrlException e) {
            throw new InvalidSettingsException("--url: " + e.getMessage());
        }
        if (parsed.password() != null) {
            throw new InvalidSettingsException("--url must not carry a password: every user can read arguments with ps."
                    + " Give it with --password-stdin, or put the whole URL into DATABASE_URL or the config file");
        }
    }

    private String urlOrigin(Options options, Settings settings, Properties file) {
        if (options.url() != null) {
            return "--url";
        }
        List<String> names = settings.environment() == Environment.TEST
                ? List.of("DATABASE_URL", "DATABASE_URL_TEST") : List.of("DATABASE_URL");
        for (String name : names) {
            if (environment.get(name) != null && !environment.get(name).isBlank()) {
                return name;
            }
            if (file.getProperty(name) != null && !file.getProperty(name).isBlank()) {
                return name + " in " + configFile(options);
            }
        }
        return "DATABASE_URL";
    }

    private Path configFile(Options options) {
        if (options.config() != null) {
            return options.config();
        }
        String variable = environment.get(SettingsLoader.CONFIG_FILE);
        return variable == null || variable.isBlank() ? null : Path.of(variable);
    }

    private Properties properties(Options options) {
        Properties properties = new Properties();
        Path file = configFile(options);
        if (file == null) {
            return properties;
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("config file " + file + " (from -c/--config or BOOKING_CONFIG) does not exist");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingsException("config file " + file + " cannot be read: " + e.getMessage());
        }
        return properties;
    }
}
