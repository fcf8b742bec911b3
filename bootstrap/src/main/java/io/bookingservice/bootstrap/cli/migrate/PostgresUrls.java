package io.bookingservice.bootstrap.cli.migrate;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL forms the Python service and our configuration use: {@code jdbc:postgresql://…}
 * as is, and {@code postgresql://user:pass@host:port/db} or {@code postgresql+psycopg://…}
 * with URL-encoded credentials. Stands in until the shared parser is wired in.
 */
public final class PostgresUrls implements DatabaseUrlParser {

    @Override
    public JdbcTarget parse(String url) {
        String value = url.strip();
        if (value.startsWith("jdbc:postgresql:")) {
            return new JdbcTarget(value, null, null);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a database URL: " + redact(value), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("postgresql") && !scheme.equals("postgres") && !scheme.startsWith("postgresql+")) {
            throw new IllegalArgumentException("unsupported database URL scheme '" + scheme
                    + "': expected jdbc:postgresql://, postgresql:// or postgresql+psycopg://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("database URL without a host: " + redact(value));
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            // Split before decoding: an encoded ':' belongs to the password.
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new JdbcTarget(jdbcUrl, user, password);
    }

    private static String decode(String value) {
        // Percent-decoding only: in a URL's user info '+' is a plus, not a space.
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }
}
