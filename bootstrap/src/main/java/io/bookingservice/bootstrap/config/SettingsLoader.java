package io.bookingservice.bootstrap.config;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.auth.LoginFloor;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.config.InvalidDatabaseUrlException;
import io.bookingservice.migrations.engine.MigrationSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link Settings} the 12-factor way. Each setting is named by its environment variable
 * (ENV, PORT, DATABASE_URL, …) and looked up in order: command-line options, environment
 * variables, the config file ({@code -c/--config} or BOOKING_CONFIG: a {@code .properties}
 * file using the same names), then the default.
 */
public final class SettingsLoader {

    public static final String CONFIG_FILE = "BOOKING_CONFIG";
    static final Duration DEFAULT_SESSION_IDLE = Duration.ofHours(8);
    static final Duration DEFAULT_SESSION_MAX = Duration.ofDays(7);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd]?)");

    /** The management port's default address: reachable from this host only (see docs/operations.md). */
    static final String LOOPBACK = "127.0.0.1";
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern LOGIN_FLOOR = Pattern.compile("(\\d{1,6})\\s*(ms|s)?");
    private static final Duration MAX_LOGIN_FLOOR = Duration.ofSeconds(10);
    static final Duration DEFAULT_KEY_REFRESH = Duration.ofSeconds(60);
    // A rotation must reach every instance well within a token's 30-minute life.
    static final Duration MAX_KEY_REFRESH = Duration.ofMinutes(15);
    /**
     * Longer than the sample HAProxy configuration needs to take an instance out ({@code fall 2}
     * checks {@code inter 500ms}/{@code fastinter 250ms}, each with its 1 s timeout) with room to spare.
     */
    static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    /**
     * Grace plus the 20 s drain must end before an orchestrator's kill (compose's and
     * Kubernetes' default: 30 s), or SIGKILL cuts the drain.
     */
    static final Duration MAXIMUM_SHUTDOWN_GRACE = Duration.ofSeconds(9);

    private final Map<String, String> commandLine;
    private final Map<String, String> environment;
    private final Properties file;
    private final boolean needsDatabase;

    private SettingsLoader(Map<String, String> commandLine, Map<String, String> environment, Properties file,
                           boolean needsDatabase) {
        this.commandLine = commandLine;
        this.environment = environment;
        this.file = file;
        this.needsDatabase = needsDatabase;
    }

    /**
     * @param commandLine options given on the command line, by variable name (a config file
     *                    given with {@code -c} is under {@link #CONFIG_FILE})
     * @param environment the process environment
     * @throws InvalidSettingsException naming the first bad or missing setting
     */
    public static Settings load(Map<String, String> commandLine, Map<String, String> environment) {
        return load(commandLine, environment, true);
    }

    /**
     * The settings of a command that uses no database (e.g. {@code keys generate}): ENV=test
     * without DATABASE_URL is fine there.
     */
    public static Settings loadWithoutDatabase(Map<String, String> commandLine, Map<String, String> environment) {
        return load(commandLine, environment, false);
    }

    private static Settings load(Map<String, String> commandLine, Map<String, String> environment, boolean needsDatabase) {
        String configFile = nonBlank(commandLine.get(CONFIG_FILE)).orElse(nonBlank(environment.get(CONFIG_FILE)).orElse(null));
        Properties file = configFile == null ? new Properties() : readFile(Path.of(configFile));
        refuseRetiredKeys(configFile, file);
        return new SettingsLoader(commandLine, environment, file, needsDatabase).settings();
    }

    private Settings settings() {
        Environment env = lookup("ENV").map(Environment::parse).orElse(Environment.LOCAL);
        Persistence persistence = lookup("BOOKING_PERSISTENCE").map(v -> choice("BOOKING_PERSISTENCE", v, Persistence.class))
                .orElse(Persistence.POSTGRES);
        Optional<DatabaseUrl> databaseUrl = databaseUrl("DATABASE_URL");
        if (databaseUrl.isEmpty() && env == Environment.TEST) {
            databaseUrl = databaseUrl("DATABASE_URL_TEST");
            if (databaseUrl.isEmpty() && persistence == Persistence.POSTGRES && needsDatabase) {
                throw new InvalidSettingsException("ENV=test needs DATABASE_URL (or DATABASE_URL_TEST); it is not set");
            }
        }
        Duration sessionIdle = lookup("BOOKING_SESSION_IDLE").map(v -> duration("BOOKING_SESSION_IDLE", v))
                .orElse(DEFAULT_SESSION_IDLE);
        Duration sessionMax = lookup("BOOKING_SESSION_MAX").map(v -> duration("BOOKING_SESSION_MAX", v))
                .orElse(DEFAULT_SESSION_MAX);
        if (sessionIdle.compareTo(sessionMax) > 0) {
            throw new InvalidSettingsException("BOOKING_SESSION_IDLE (" + sessionIdle
                    + ") may not exceed BOOKING_SESSION_MAX (" + sessionMax + ")");
        }
        return new Settings(
                env,
                lookup("PORT").map(v -> port("PORT", v)).orElse(8000),
                databaseUrl,
                persistence,
                Path.of(lookup("BOOKING_DATA_DIR").orElse("booking-data")).toAbsolutePath().normalize(),
                lookup("BOOKING_ADMIN_PASSWORD"),
                flag("BOOKING_ACCEPT_LEGACY_TOKENS", true),
                flag("BOOKING_PASSWORD_REHASH", true),
                flag("BOOKING_MIGRATE_ON_START", true),
                flag("BOOKING_METRICS", true),
                lookup("BOOKING_MANAGEMENT_PORT").map(v -> port("BOOKING_MANAGEMENT_PORT", v)).orElse(0),
                lookup("BOOKING_MANAGEMENT_ADDRESS").map(SettingsLoader::address).orElse(LOOPBACK),
                lookup("CORS_ALLOWED_ORIGINS").map(SettingsLoader::origins).orElse(List.of()),
                lookup("DOCS_URL").map(SettingsLoader::docsUrl),
                lookup("LOG_FORMAT").map(v -> choice("LOG_FORMAT", v, LogFormat.class)).orElse(LogFormat.TEXT),
                lookup("AWS_ENDPOINT_URL_SECRETS_MANAGER").or(() -> lookup("AWS_ENDPOINT_URL")).map(SettingsLoader::endpoint),
                lookup("BOOKING_TRUSTED_PROXIES").map(SettingsLoader::trustedProxies).orElse(List.of()),
                lookup("BOOKING_LOGIN_FLOOR").map(SettingsLoader::loginFloor).orElse(LoginFloor.DEFAULT),
                lookup("BOOKING_KEY_REFRESH").map(v -> seconds("BOOKING_KEY_REFRESH", v, MAX_KEY_REFRESH)).orElse(DEFAULT_KEY_REFRESH),
                flag("BOOKING_TRUST_PREVIOUS_KEY", true),
                lookup("BOOKING_THROTTLE_TIMEOUT").map(v -> milliseconds("BOOKING_THROTTLE_TIMEOUT", v, 50, 10_000))
                        .orElse(Settings.DEFAULT_THROTTLE_TIMEOUT),
                lookup("BOOKING_DB_POOL_SIZE").map(SettingsLoader::databasePoolSize).orElse(Settings.DEFAULT_DATABASE_POOL_SIZE),
                lookup("BOOKING_SHUTDOWN_GRACE").map(SettingsLoader::shutdownGrace).orElse(DEFAULT_SHUTDOWN_GRACE),
                sessionIdle,
                sessionMax,
                migrationScripts());
    }

    /** The scripts serve runs on start and {@code booking migrate} runs: one name each, read like every setting. */
    private MigrationSettings migrationScripts() {
        MigrationSettings defaults = MigrationSettings.defaults();
        List<String> locations = lookup("BOOKING_MIGRATION_LOCATIONS")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(defaults.locations());
        if (locations.isEmpty()) {
            throw new InvalidSettingsException("BOOKING_MIGRATION_LOCATIONS must name at least one location");
        }
        return defaults.withLocations(locations, lookup("BOOKING_MIGRATION_UNDO_LOCATION").map(String::strip)
                .orElse(defaults.undoLocation()));
    }

    /**
     * Keys of the old migrate-only file format. {@code booking migrate} read them and {@code serve}
     * ignored them, so one file could name a database or scripts that the service never used; now
     * both read the same names, and a file that still holds an old key is refused rather than half
     * obeyed.
     */
    private static void refuseRetiredKeys(String configFile, Properties file) {
        for (String key : new TreeSet<>(file.stringPropertyNames())) {   // the same key named each time
            String replacement = switch (key) {
                case "url", "user", "password" -> "name the database the way serve reads it: DATABASE_URL=…"
                        + " (user and password inside the URL)";
                case "locations" -> "use BOOKING_MIGRATION_LOCATIONS=…";
                case "undo.location" -> "use BOOKING_MIGRATION_UNDO_LOCATION=…";
                case "schema" -> "the service's tables live in schema public, the only one it reads";
                default -> key.startsWith("placeholders.")
                        ? "migration scripts take no placeholders; write the value into the script" : null;
            };
            if (replacement != null) {
                throw new InvalidSettingsException("config file " + configFile + ": '" + key
                        + "' is not a setting; " + replacement);
            }
        }
    }

    private static Duration milliseconds(String name, String value, int min, int max) {
        try {
            int millis = Integer.parseInt(value.strip());
            if (millis >= min && millis <= max) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message that says what is allowed.
        }
        throw new InvalidSettingsException(name + " must be a number of milliseconds between " + min + " and " + max);
    }

    private Optional<String> lookup(String name) {
        return nonBlank(commandLine.get(name))
                .or(() -> nonBlank(environment.get(name)))
                .or(() -> nonBlank(file.getProperty(name)));
    }

    private Optional<DatabaseUrl> databaseUrl(String name) {
        try {
            return lookup(name).map(DatabaseUrl::parse);
        } catch (InvalidDatabaseUrlException e) {
            throw new InvalidSettingsException(name + ": " + e.getMessage());
        }
    }

    private boolean flag(String name, boolean defaultValue) {
        return lookup(name).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new InvalidSettingsException(name + " must be on or off (also true/false, yes/no, 1/0)");
        }).orElse(defaultValue);
    }

    /**
     * A positive duration: {@code 8h}, {@code 30m}, {@code 7d}, {@code 90s}, a number of seconds, or
     * ISO-8601 ({@code PT8H}, {@code P7D}).
     */
    static Duration duration(String name, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration parsed;
        Matcher shortForm = SHORT_DURATION.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            parsed = switch (shortForm.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new InvalidSettingsException(name + " must be a duration such as 8h, 30m, 7d or PT8H, not '"
                        + value + "'");
            }
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw new InvalidSettingsException(name + " must be positive, not '" + value + "'");
        }
        return parsed;
    }

    /** At least two: a readiness check or the periodic work must not wait behind the one request holding it. */
    private static int databasePoolSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 2 && size <= Settings.MAXIMUM_DATABASE_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message that says what is allowed.
        }
        throw new InvalidSettingsException("BOOKING_DB_POOL_SIZE must be a whole number of connections between 2 and "
                + Settings.MAXIMUM_DATABASE_POOL_SIZE);
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            // 0 asks the operating system for a free port (tests).
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message that says what is allowed.
        }
        throw new InvalidSettingsException(name + " must be a port number between 0 and 65535");
    }

    /**
     * An IP address literal ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1}, {@code ::}) or
     * {@code localhost}: no host names, so reading the settings never waits on DNS.
     */
    private static String address(String value) {
        String address = value.strip();
        if (address.equalsIgnoreCase("localhost") || IPV4.matcher(address).matches()) {
            return address;
        }
        if (address.contains(":") && address.matches("[0-9A-Fa-f:.]+")) {
            try {
                // With a colon and only these characters this parses a literal; it never resolves a name.
                InetAddress.getByName(address);
                return address;
            } catch (UnknownHostException e) {
                // Falls through to the message saying what is allowed.
            }
        }
        throw new InvalidSettingsException("BOOKING_MANAGEMENT_ADDRESS must be an IP address such as 127.0.0.1 "
                + "(this host only), 0.0.0.0 (every interface) or ::1");
    }

    private static Duration seconds(String name, String value, Duration max) {
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 1 && seconds <= max.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message that says what is allowed.
        }
        throw new InvalidSettingsException(name + " must be a whole number of seconds between 1 and " + max.toSeconds());
    }

    private static Duration shutdownGrace(String value) {
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 0 && seconds <= MAXIMUM_SHUTDOWN_GRACE.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message that says what is allowed.
        }
        throw new InvalidSettingsException("BOOKING_SHUTDOWN_GRACE must be whole seconds from 0 to "
                + MAXIMUM_SHUTDOWN_GRACE.toSeconds() + " (with the 20 s drain it must end before a 30 s kill timeout)");
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        String allowed = String.join(" | ", Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        throw new InvalidSettingsException(name + " must be one of " + allowed);
    }

    /** The web adapter's normalisation and refusals, so a bad DOCS_URL stops the start with exit 2. */
    private static String docsUrl(String value) {
        try {
            return WebSettings.docsPath(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    /** CIDRs as CORS_ALLOWED_ORIGINS lists its origins; each checked by the web adapter's resolver. */
    private static List<String> trustedProxies(String value) {
        List<String> cidrs = origins(value);
        try {
            ClientAddressResolver.trusting(cidrs);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        return cidrs;
    }

    /** Milliseconds ({@code 300}, {@code 300ms}) or seconds ({@code 1s}); 0 switches the floor off. */
    private static Duration loginFloor(String value) {
        Matcher parts = LOGIN_FLOOR.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (parts.matches()) {
            long amount = Long.parseLong(parts.group(1));
            Duration floor = "s".equals(parts.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
            if (floor.compareTo(MAX_LOGIN_FLOOR) <= 0) {
                return floor;
            }
        }
        throw new InvalidSettingsException("BOOKING_LOGIN_FLOOR must be a duration such as 300ms or 1s (at most "
                + MAX_LOGIN_FLOOR.toSeconds() + "s; 0 switches it off)");
    }

    private static List<String> origins(String value) {
        // Accepts "a,b", "a b" and the JSON-list form pydantic settings read: ["a","b"].
        String bare = value.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return Arrays.stream(bare.split("[,\\s]+"))
                .map(o -> o.strip().replaceAll("^\"|\"$", ""))
                .filter(o -> !o.isEmpty())
                .toList();
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Falls through to the message naming both variables.
        }
        throw new InvalidSettingsException("AWS_ENDPOINT_URL_SECRETS_MANAGER / AWS_ENDPOINT_URL must be an absolute URL such as http://localhost:4566");
    }

    private static Properties readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (NoSuchFileException e) {
            throw new InvalidSettingsException("config file " + path + " (from -c/--config or BOOKING_CONFIG) does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingsException("config file " + path + " cannot be read: " + e.getMessage());
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
