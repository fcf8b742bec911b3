package io.bookingservice.migrations.engine;

import io.bookingservice.migrations.engine.MigrationRefusedException.InvalidTarget;
import io.bookingservice.migrations.engine.MigrationRefusedException.MissingUndoScript;
import io.bookingservice.migrations.engine.MigrationRefusedException.NewMigrationRefused;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What needs the scripts but no database: offline SQL for a DBA ({@code upgrade --sql},
 * {@code downgrade --sql}) and new V/U script pairs from templates.
 */
public final class MigrationScripts {

    private final MigrationSettings settings;

    public MigrationScripts(MigrationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The newest version in the migration locations. */
    public Optional<String> head() {
        List<MigrationScript> scripts = versioned();
        return scripts.isEmpty() ? Optional.empty() : Optional.of(scripts.get(scripts.size() - 1).version());
    }

    /**
     * The SQL that upgrades a database at {@code from} to {@code to}, as a DBA would run it
     * ({@code psql -v ON_ERROR_STOP=1 -f}): each script in a transaction of its own together
     * with the {@code flyway_schema_history} row Flyway would write, so Flyway's
     * {@code validate} accepts the result. From {@code base} it first creates the history
     * table, exactly as Flyway does, if absent.
     *
     * @param from {@code base} or the version the database is at
     * @param to {@code head}, {@code +N} (relative to {@code from}) or a version
     */
    public String upgradeSql(String from, String to) {
        List<MigrationScript> scripts = versioned();
        int fromIndex = from.equals("base") ? -1 : indexOf(scripts, from, "upgrade from");
        int toIndex;
        MigrationTarget target = MigrationTarget.parse(to, "head, +N or a version such as 3 to upgrade to");
        if (target instanceof MigrationTarget.Head) {
            toIndex = scripts.size() - 1;
        } else if (target instanceof MigrationTarget.Relative relative && relative.up()) {
            toIndex = fromIndex + relative.steps();
            if (toIndex >= scripts.size()) {
                throw new InvalidTarget("cannot upgrade " + to + " from " + from + ": only "
                        + (scripts.size() - 1 - fromIndex) + " migration(s) above it");
            }
        } else {
            toIndex = indexOf(scripts, to, "upgrade to");
        }
        if (toIndex <= fromIndex) {
            throw new InvalidTarget("nothing to upgrade from " + from + " to " + to + "; use downgrade --sql to go down");
        }
        String history = table(MigrationEngine.HISTORY_TABLE);
        StringBuilder sql = new StringBuilder();
        sql.append("-- booking migrate upgrade --sql: ").append(from).append(" -> ")
                .append(scripts.get(toIndex).version()).append('\n')
                .append("-- Run with: psql -v ON_ERROR_STOP=1 -f <this file>; each migration commits on its own, as with Flyway.\n");
        if (fromIndex < 0) {
            sql.append("\n-- Flyway's schema history table, as Flyway creates it.\n")
                    .append("CREATE TABLE IF NOT EXISTS ").append(history).append(" (\n")
                    .append("    \"installed_rank\" INT NOT NULL,\n")
                    .append("    \"version\" VARCHAR(50),\n")
                    .append("    \"description\" VARCHAR(200) NOT NULL,\n")
                    .append("    \"type\" VARCHAR(20) NOT NULL,\n")
                    .append("    \"script\" VARCHAR(1000) NOT NULL,\n")
                    .append("    \"checksum\" INTEGER,\n")
                    .append("    \"installed_by\" VARCHAR(100) NOT NULL,\n")
                    .append("    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n")
                    .append("    \"execution_time\" INTEGER NOT NULL,\n")
                    .append("    \"success\" BOOLEAN NOT NULL,\n")
                    .append("    CONSTRAINT \"").append(MigrationEngine.HISTORY_TABLE)
                    .append("_pk\" PRIMARY KEY (\"installed_rank\")\n")
                    .append(");\n")
                    .append("CREATE INDEX IF NOT EXISTS \"").append(MigrationEngine.HISTORY_TABLE)
                    .append("_s_idx\" ON ").append(history).append(" (\"success\");\n");
        }
        for (MigrationScript script : scripts.subList(fromIndex + 1, toIndex + 1)) {
            sql.append("\n-- V").append(script.version()).append(' ').append(script.description()).append('\n')
                    .append("BEGIN;\n")
                    .append(searchPath())
                    .append(terminated(script.sql(settings.placeholders())))
                    .append("INSERT INTO ").append(history)
                    .append(" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\",")
                    .append(" \"installed_by\", \"installed_on\", \"execution_time\", \"success\")\n")
                    .append("SELECT COALESCE(MAX(\"installed_rank\"), 0) + 1, ").append(literal(script.version()))
                    .append(", ").append(literal(script.description())).append(", 'SQL', ")
                    .append(literal(script.fileName())).append(", ").append(script.checksum())
                    .append(", current_user, now(), 0, true FROM ").append(history).append(";\n")
                    .append("COMMIT;\n");
        }
        return sql.toString();
    }

    /**
     * The SQL that downgrades a database at {@code from} to {@code to}: for each version, newest
     * first and in a transaction of its own, a guard that the version is applied with the
     * checksum of the script in the source tree (it raises otherwise, which stops
     * {@code psql -v ON_ERROR_STOP=1}), the undo script, the removal of its history row and an
     * entry in the downgrade log.
     *
     * @param from {@code head} or the version the database is at
     * @param to {@code -N} (relative to {@code from}), a version that stays applied, or {@code base}
     */
    public String downgradeSql(String from, String to) {
        List<MigrationScript> scripts = versioned();
        int fromIndex = from.equals("head") ? scripts.size() - 1 : indexOf(scripts, from, "downgrade from");
        int toIndex;
        MigrationTarget target = MigrationTarget.parse(to, "-N, base or a version such as 3 to downgrade to");
        if (target instanceof MigrationTarget.Base) {
            toIndex = -1;
        } else if (target instanceof MigrationTarget.Relative relative && !relative.up()) {
            toIndex = fromIndex - relative.steps();
            if (toIndex < -1) {
                throw new InvalidTarget("cannot downgrade " + to + " from " + from + ": only "
                        + (fromIndex + 1) + " migration(s) at or below it; use base");
            }
        } else {
            toIndex = indexOf(scripts, to, "downgrade to");
        }
        if (toIndex >= fromIndex) {
            throw new InvalidTarget("nothing to downgrade from " + from + " to " + to + "; use upgrade --sql to go up");
        }
        Map<String, MigrationScript> undoScripts = ScriptLocations.read(List.of(settings.undoLocation()), 'U');
        List<MigrationScript> toUndo = new ArrayList<>(scripts.subList(toIndex + 1, fromIndex + 1));
        Collections.reverse(toUndo);
        String history = table(MigrationEngine.HISTORY_TABLE);
        String log = table(DowngradeLog.TABLE);
        StringBuilder sql = new StringBuilder();
        sql.append("-- booking migrate downgrade --sql: ").append(scripts.get(fromIndex).version()).append(" -> ")
                .append(toIndex < 0 ? "base" : scripts.get(toIndex).version()).append('\n')
                .append(DowngradeLog.createSql(settings.schema())).append(";\n");
        for (MigrationScript script : toUndo) {
            MigrationScript undo = undoScripts.get(script.flywayVersion().getVersion());
            String expected = "U" + script.fileName().substring(1);
            if (undo == null || !undo.fileName().equals(expected)) {
                throw new MissingUndoScript("cannot undo V" + script.version() + ": " + expected
                        + " is missing from " + settings.undoLocation() + "; write it, or downgrade to version "
                        + script.version() + " at most");
            }
            String where = "\"version\" = " + literal(script.version()) + " AND \"type\" = 'SQL' AND \"success\"";
            sql.append("\n-- undo V").append(script.version()).append(' ').append(script.description()).append('\n')
                    .append("BEGIN;\n")
                    .append(searchPath())
                    .append("DO $guard$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM ").append(history)
                    .append(" WHERE ").append(where).append(" AND \"checksum\" = ").append(script.checksum())
                    .append(") THEN\n        RAISE EXCEPTION 'V").append(script.version())
                    .append(" is not applied with the checksum of ").append(script.fileName())
                    .append("; nothing was undone';\n    END IF;\nEND\n$guard$;\n")
                    .append(terminated(undo.sql(settings.placeholders())))
                    .append("DELETE FROM ").append(history).append(" WHERE ").append(where).append(";\n")
                    .append("INSERT INTO ").append(log).append(" (\"version\", \"description\", \"script\", \"checksum\")")
                    .append(" VALUES (").append(literal(script.version())).append(", ")
                    .append(literal(script.description())).append(", ").append(literal(undo.fileName()))
                    .append(", ").append(undo.checksum()).append(");\n")
                    .append("COMMIT;\n");
        }
        return sql.toString();
    }

    /**
     * Writes {@code V<next>__<slug>.sql} into {@code dir} and {@code U<next>__<slug>.sql} into
     * its sibling {@code undo} folder (created if missing): the source-tree layout
     * {@code db/migration} + {@code db/undo}. {@code next} is one above the highest whole
     * version found in either folder.
     *
     * @throws MigrationRefusedException when {@code dir} does not exist, the message has no
     *     letters or digits, or a script of that version exists
     */
    public static NewMigration newMigration(String message, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NewMigrationRefused("migration folder " + dir.toAbsolutePath() + " does not exist; run from "
                    + "the project root or pass --dir with the folder holding V1__booking_requests.sql");
        }
        String slug = slug(message);
        Path undoDir = dir.toAbsolutePath().normalize().resolveSibling("undo");
        List<String> existing = new ArrayList<>(fileNames(dir));
        existing.addAll(fileNames(undoDir));
        long highest = existing.stream()
                .map(name -> MigrationScript.parse(name, ""))
                .flatMap(Optional::stream)
                .mapToLong(script -> Long.parseLong(script.version().split("[._]")[0]))
                .max()
                .orElse(0);
        String version = Long.toString(highest + 1);
        for (String name : existing) {
            if (name.matches("[VU]" + version + "(?:[._]\\d+)*__.*")) {
                throw new NewMigrationRefused("a script for version " + version + " exists: " + name);
            }
        }
        Path versioned = dir.resolve("V" + version + "__" + slug + ".sql");
        Path undo = undoDir.resolve("U" + version + "__" + slug + ".sql");
        Map<String, String> values = Map.of(
                "version", version,
                "previous", highest == 0 ? "base" : Long.toString(highest),
                "message", message.strip().replaceAll("\\s+", " "),
                "slug", slug,
                "date", LocalDate.now().toString());
        try {
            Files.createDirectories(undoDir);
            // CREATE_NEW: two developers running `new` at once must not overwrite each other.
            Files.writeString(versioned, render("V.sql.template", values), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
            Files.writeString(undo, render("U.sql.template", values), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + versioned + " and " + undo, e);
        }
        return new NewMigration(version, versioned, undo);
    }

    /**
     * The scripts {@link #newMigration} wrote.
     *
     * @param version e.g. {@code 7}
     * @param versioned the {@code V} script
     * @param undo the paired {@code U} script
     */
    public record NewMigration(String version, Path versioned, Path undo) {
    }

    static String slug(String message) {
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new NewMigrationRefused("the message '" + message + "' has no letters or digits to name the "
                    + "script after; describe the change, e.g. \"add booking notes\"");
        }
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("_+$", "") : slug;
    }

    private static List<String> fileNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String render(String template, Map<String, String> values) {
        String resource = "templates/" + template;
        try (InputStream in = MigrationScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the migrations jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    private List<MigrationScript> versioned() {
        return ScriptLocations.read(settings.locations(), 'V').values().stream()
                .sorted((a, b) -> a.flywayVersion().compareTo(b.flywayVersion()))
                .toList();
    }

    private static int indexOf(List<MigrationScript> scripts, String version, String what) {
        MigrationVersion wanted = MigrationTarget.version(version, "a version such as 3 to " + what).version();
        for (int i = 0; i < scripts.size(); i++) {
            if (scripts.get(i).flywayVersion().equals(wanted)) {
                return i;
            }
        }
        throw new InvalidTarget("there is no migration V" + version + " to " + what);
    }

    private String searchPath() {
        return "SET LOCAL search_path TO " + SqlIdentifiers.quote(settings.schema()) + ";\n";
    }

    private String table(String name) {
        return SqlIdentifiers.qualified(settings.schema(), name);
    }

    private static String terminated(String script) {
        String stripped = script.stripTrailing();
        return stripped + "\n";
    }

    private static String literal(String value) {
        return SqlIdentifiers.literal(value);
    }
}
