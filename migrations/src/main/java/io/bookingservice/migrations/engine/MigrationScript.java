package io.bookingservice.migrations.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;

/**
 * One {@code V<n>__<slug>.sql} or {@code U<n>__<slug>.sql} file, read without a database.
 *
 * @param prefix {@code V} (versioned) or {@code U} (undo)
 * @param version as written in the file name, e.g. {@code 3}
 * @param description as Flyway derives it: the slug with underscores as spaces
 * @param fileName e.g. {@code V3__timestamptz_and_jsonb.sql}, what Flyway stores as {@code script}
 * @param content the file's text, placeholders not yet replaced
 */
public record MigrationScript(char prefix, String version, String description, String fileName, String content) {

    private static final Pattern NAME = Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql$");

    public MigrationScript {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    /** The script named {@code fileName}, or empty when the name is not a V/U migration name. */
    public static Optional<MigrationScript> parse(String fileName, String content) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new MigrationScript(matcher.group(1).charAt(0), matcher.group(2),
                matcher.group(3).replace('_', ' '), fileName, content));
    }

    public MigrationVersion flywayVersion() {
        return MigrationVersion.fromVersion(version);
    }

    /** {@code booking_requests} for {@code V1__booking_requests.sql}: what pairs a V with its U. */
    public String slug() {
        return fileName.substring(fileName.indexOf("__") + 2, fileName.length() - ".sql".length());
    }

    /**
     * Flyway's checksum of this file: a CRC32 over its lines without line terminators, the
     * first line stripped of a byte-order mark. Computed here because offline SQL must write
     * the value Flyway's {@code validate} later compares, without connecting to a database;
     * {@code OfflineSqlIT} proves it equals Flyway's own.
     */
    public int checksum() {
        CRC32 crc32 = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(content))) {
            String line = lines.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc32.update(line.getBytes(StandardCharsets.UTF_8));
                line = lines.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return (int) crc32.getValue();
    }

    /** The content with every configured {@code ${name}} replaced, as Flyway does for V scripts. */
    public String sql(Map<String, String> placeholders) {
        String sql = content;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return sql;
    }
}
