package io.bookingservice.migrations.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is and who to log in as: a JDBC URL without credentials, plus the
 * user and password kept apart so that a rotated password can replace them alone.
 *
 * <p>Read from every form the Python service and AWS produce:
 * {@code postgresql+psycopg://user:p%40ss@host:5432/db} (SQLAlchemy; the password is
 * URL-encoded), {@code postgresql://} and {@code postgres://} (libpq),
 * {@code jdbc:postgresql://host:5432/db?user=…&password=…}, and the JSON secret that AWS's
 * RDS rotation writes ({@code {"username","password","host","port","dbname","engine",…}}).
 *
 * <p>Error messages and {@link #toString()} never contain the password: the value being
 * parsed is a secret, so a message never quotes it either.
 */
public final class DatabaseUrl {

    /**
     * SQLAlchemy's own URL pattern (sqlalchemy.engine.url._parse_url), so that every URL the
     * Python service accepted splits the same way here: the password runs up to the first
     * {@code @}, and is then URL-decoded.
     */
    private static final Pattern LIBPQ_STYLE = Pattern.compile(
            "(?<scheme>[\\w+]+)://"
                    + "(?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?"
                    + "(?:(?:\\[(?<ipv6host>[^/?]+)]|(?<ipv4host>[^/:?]+))?(?::(?<port>[^/?]*))?)?"
                    + "(?:/(?<database>[^?]*))?"
                    + "(?:\\?(?<query>.*))?",
            Pattern.DOTALL);

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    /** The parts of the single-server JDBC form this class writes: {@code //server/database?options}. */
    private static final Pattern JDBC_PARTS = Pattern.compile("jdbc:postgresql://(?<server>[^/?]*)(?:/(?<database>[^?]*))?(?<options>\\?.*)?",
            Pattern.DOTALL);

    private final String jdbcUrl;
    private final String username;
    private final String password;

    public DatabaseUrl(String jdbcUrl, String username, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new InvalidDatabaseUrlException("a JDBC URL must start with " + JDBC_PREFIX);
        }
        this.username = username;
        this.password = password;
    }

    /**
     * Reads a database URL or RDS secret JSON.
     *
     * @throws InvalidDatabaseUrlException naming what is wrong, never quoting the value
     */
    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidDatabaseUrlException("the database URL is empty");
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("{")) {
            return fromRdsSecret(trimmed);
        }
        if (trimmed.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
            return fromJdbc(JDBC_PREFIX + trimmed.substring(JDBC_PREFIX.length()));
        }
        Matcher scheme = SCHEME.matcher(trimmed);
        if (!scheme.find()) {
            throw new InvalidDatabaseUrlException("the database URL has no scheme; " + accepted());
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!isPostgresScheme(name)) {
            throw new InvalidDatabaseUrlException("the database URL scheme '" + name + "' is not PostgreSQL; " + accepted());
        }
        return fromLibpqStyle(trimmed);
    }

    /** The URL for the PostgreSQL JDBC driver, without user or password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user to log in as, or {@code null} to let the driver choose. */
    public String username() {
        return username;
    }

    /** The password, or {@code null} when none was given. Never log it. */
    public String password() {
        return password;
    }

    /**
     * Another database on the same server, with the same credentials and options (the drift
     * check's scratch database).
     *
     * @throws InvalidDatabaseUrlException when this URL does not name one server and database
     *     (e.g. several hosts), so that no sibling can be derived
     */
    public DatabaseUrl onDatabase(String name) {
        Matcher parts = jdbcParts().orElseThrow(() -> new InvalidDatabaseUrlException(
                "the database URL does not name one server and database: " + accepted()));
        String options = parts.group("options") == null ? "" : parts.group("options");
        return new DatabaseUrl(JDBC_PREFIX + "//" + parts.group("server") + "/" + URLEncodedPath.encode(name) + options,
                username, password);
    }

    /**
     * {@code database "booking" on localhost:5432 as postgres}: enough to tell databases apart,
     * never the password, nor the query string.
     */
    public String describe() {
        Optional<Matcher> parts = jdbcParts();
        String name = "?";
        String server = "(see DATABASE_URL)";
        if (parts.isPresent()) {
            String host = parts.get().group("server");
            server = host.isEmpty() ? "localhost:5432" : host.matches(".*:\\d+$") ? host : host + ":5432";
            String path = parts.get().group("database") == null ? "" : parts.get().group("database");
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // A malformed %-escape: the driver will say so; name the database as written.
            }
            name = path.isEmpty() ? "(the user's default)" : path;
        }
        return "database \"" + name + "\" on " + server + (username == null ? "" : " as " + username);
    }

    private Optional<Matcher> jdbcParts() {
        Matcher parts = JDBC_PARTS.matcher(jdbcUrl);
        return parts.matches() && !parts.group("server").contains(",") ? Optional.of(parts) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseUrl that
                && jdbcUrl.equals(that.jdbcUrl)
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, username, password);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + ", password=" + (password == null ? "none" : "[redacted]") + "]";
    }

    private static boolean isPostgresScheme(String scheme) {
        // SQLAlchemy names the driver after a '+': postgresql+psycopg, postgresql+psycopg2, …
        String dialect = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        return dialect.equals("postgresql") || dialect.equals("postgres");
    }

    private static String accepted() {
        return "expected postgresql+psycopg://, postgresql://, postgres://, jdbc:postgresql:// or an RDS secret JSON";
    }

    private static DatabaseUrl fromLibpqStyle(String url) {
        Matcher m = LIBPQ_STYLE.matcher(url);
        if (!m.matches()) {
            throw new InvalidDatabaseUrlException("the database URL is malformed; " + accepted());
        }
        String host = m.group("ipv6host") != null ? "[" + m.group("ipv6host") + "]" : m.group("ipv4host");
        if (host == null || host.isEmpty()) {
            throw new InvalidDatabaseUrlException("the database URL names no host");
        }
        if (host.contains("@")) {
            // The password ran up to the first '@' and the rest of it now looks like part of
            // the host: refuse, rather than log and connect to a "host" holding the secret.
            throw new InvalidDatabaseUrlException(
                    "the database URL has an '@' in its password; URL-encode it as %40");
        }
        String port = m.group("port");
        if (port != null && !port.isEmpty() && !port.chars().allMatch(Character::isDigit)) {
            throw new InvalidDatabaseUrlException("the database URL's port is not a number");
        }
        String username = decode(m.group("username"), "user name");
        String password = decode(m.group("password"), "password");
        Query query = Query.split(m.group("query"));
        if (query.username() != null) {
            username = query.username();
        }
        if (query.password() != null) {
            password = query.password();
        }
        StringBuilder jdbc = new StringBuilder(JDBC_PREFIX).append("//").append(host);
        if (port != null && !port.isEmpty()) {
            jdbc.append(':').append(port);
        }
        jdbc.append('/');
        if (m.group("database") != null) {
            jdbc.append(m.group("database"));
        }
        if (!query.kept().isEmpty()) {
            jdbc.append('?').append(String.join("&", query.kept()));
        }
        return new DatabaseUrl(jdbc.toString(), emptyToNull(username), emptyToNull(password));
    }

    private static DatabaseUrl fromJdbc(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new DatabaseUrl(url, null, null);
        }
        Query query = Query.split(url.substring(q + 1));
        String base = url.substring(0, q);
        return new DatabaseUrl(query.kept().isEmpty() ? base : base + "?" + String.join("&", query.kept()),
                emptyToNull(query.username()), emptyToNull(query.password()));
    }

    /**
     * A URL's query string with the credentials taken out: {@code user} and {@code password}
     * (URL-decoded, {@code null} when absent) and every other parameter as it was given.
     */
    private record Query(String username, String password, List<String> kept) {

        static Query split(String rawQuery) {
            String username = null;
            String password = null;
            List<String> kept = new ArrayList<>();
            if (rawQuery != null) {
                for (String parameter : rawQuery.split("&")) {
                    int eq = parameter.indexOf('=');
                    String key = eq < 0 ? parameter : parameter.substring(0, eq);
                    String raw = eq < 0 ? "" : parameter.substring(eq + 1);
                    switch (key) {
                        case "user" -> username = decode(raw, "user name");
                        case "password" -> password = decode(raw, "password");
                        case "" -> { }
                        default -> kept.add(parameter);
                    }
                }
            }
            return new Query(username, password, List.copyOf(kept));
        }
    }

    private static DatabaseUrl fromRdsSecret(String json) {
        Map<String, String> fields;
        try {
            fields = FlatJson.parseObject(json);
        } catch (IllegalArgumentException e) {
            // The parser's message says where, never what: the JSON holds the password.
            throw new InvalidDatabaseUrlException("the database secret is not valid JSON: " + e.getMessage());
        }
        String engine = fields.get("engine");
        if (engine != null && !engine.toLowerCase(Locale.ROOT).contains("postgres")) {
            throw new InvalidDatabaseUrlException("the database secret's engine '" + engine + "' is not PostgreSQL");
        }
        String host = required(fields, "host");
        String username = required(fields, "username");
        String password = required(fields, "password");
        String port = fields.getOrDefault("port", "5432");
        if (!port.chars().allMatch(Character::isDigit) || port.isEmpty()) {
            throw new InvalidDatabaseUrlException("the database secret's port is not a number");
        }
        // RDS documents dbname as optional, defaulting to the 'postgres' database.
        String database = fields.getOrDefault("dbname", "postgres");
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String jdbc = JDBC_PREFIX + "//" + hostPart + ":" + port + "/"
                + URLEncodedPath.encode(database);
        return new DatabaseUrl(jdbc, username, password);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidDatabaseUrlException("the database secret has no '" + name + "'");
        }
        return value;
    }

    private static String decode(String raw, String what) {
        if (raw == null) {
            return null;
        }
        try {
            // Not form decoding: a '+' in a URL's user info is a plus sign, as urllib.parse.unquote reads it.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidDatabaseUrlException("the database URL's " + what + " has a malformed %-escape");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Percent-encodes a database name for the path of a JDBC URL (the driver decodes it). */
    private static final class URLEncodedPath {
        static String encode(String segment) {
            StringBuilder out = new StringBuilder();
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.') {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", c));
                }
            }
            return out.toString();
        }
    }
}
