package io.bookingservice.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the service runs; decides where the database and the keys come from. */
public enum Environment {
    /** Embedded PostgreSQL and keys under the data directory; no AWS. */
    LOCAL,
    /** Database URL and keys from Secrets Manager unless DATABASE_URL is set. */
    DEV,
    PROD,
    /** Database from DATABASE_URL or DATABASE_URL_TEST; no AWS. */
    TEST;

    /** The name used in secret names and in ENV, e.g. {@code prod}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean usesSecretsManager() {
        return this == DEV || this == PROD;
    }

    static Environment parse(String value) {
        for (Environment environment : values()) {
            if (environment.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return environment;
            }
        }
        String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        throw new InvalidSettingsException("ENV='" + shown + "' is not allowed; ENV must be one of " + allowed() + " (default local)");
    }

    static String allowed() {
        return Arrays.stream(values()).map(Environment::code).collect(Collectors.joining(", "));
    }
}
