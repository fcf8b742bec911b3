package io.bookingservice.bootstrap.cli.migrate;

import io.bookingservice.migrations.engine.MigrationSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Resolves connection and scripts with DESIGN §5's precedence: command-line options, then the
 * environment ({@code DATABASE_URL}), then the properties file ({@code -c/--config}, else
 * {@code BOOKING_CONFIG}), then defaults (the packaged scripts).
 *
 * <p>Properties: {@code url}, {@code user}, {@code password}, {@code locations}
 * (comma-separated Flyway locations), {@code undo.location}, {@code schema},
 * {@code placeholders.<name>}.
 */
public final class PropertiesConnectionResolver implements ConnectionResolver {

    public static final String CONFIG_VARIABLE = "BOOKING_CONFIG";
    public static final String URL_VARIABLE = "DATABASE_URL";

    private final Map<String, String> environment;
    private final DatabaseUrlParser urls;

    public PropertiesConnectionResolver(Map<String, String> environment, DatabaseUrlParser urls) {
        this.environment = Map.copyOf(environment);
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    /** The process environment and {@link PostgresUrls}. */
    public static PropertiesConnectionResolver fromEnvironment() {
        return new PropertiesConnectionResolver(System.getenv(), new PostgresUrls());
    }

    @Override
    public MigrationSettings settings(Options options) {
        Properties properties = properties(options);
        MigrationSettings defaults = MigrationSettings.defaults();
        List<String> locations = properties.containsKey("locations")
                ? Arrays.stream(properties.getProperty("locations").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()
                : defaults.locations();
        Map<String, String> placeholders = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("placeholders.")) {
                placeholders.put(name.substring("placeholders.".length()), properties.getProperty(name));
            }
        }
        return new MigrationSettings(locations, properties.getProperty("undo.location", defaults.undoLocation()),
                placeholders, properties.getProperty("schema", defaults.schema()));
    }

    @Override
    public JdbcTarget database(Options options) {
        Properties properties = properties(options);
        String url = firstNonBlank(options.url(), environment.get(URL_VARIABLE), properties.getProperty("url"));
        if (url == null) {
            throw new IllegalArgumentException("no database configured: pass --url, set " + URL_VARIABLE
                    + ", or put url= into the file given by -c/--config or " + CONFIG_VARIABLE);
        }
        JdbcTarget parsed = urls.parse(url);
        return new JdbcTarget(parsed.jdbcUrl(),
                firstNonBlank(options.user(), parsed.user(), properties.getProperty("user")),
                firstNonBlank(options.password(), parsed.password(), properties.getProperty("password")));
    }

    private Properties properties(Options options) {
        Properties properties = new Properties();
        Path file = options.config() != null ? options.config()
                : environment.get(CONFIG_VARIABLE) == null || environment.get(CONFIG_VARIABLE).isBlank() ? null
                : Path.of(environment.get(CONFIG_VARIABLE));
        if (file == null) {
            return properties;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("configuration file " + file + " does not exist");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        return properties;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
