package io.bookingservice.migrations.engine;

import io.bookingservice.migrations.engine.MigrationRefusedException.InvalidTarget;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The grammar of a migration target, shared by the online commands ({@link MigrationEngine}) and
 * the offline SQL ({@link MigrationScripts}): {@code head}, {@code base}, {@code +N} / {@code -N}
 * (N ≥ 1) or a version such as {@code 3} or {@code 3.1}. Which of them a command accepts, and what
 * it says about the others, is the command's business.
 */
sealed interface MigrationTarget {

    Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");
    Pattern VERSION = Pattern.compile("\\d+(?:[._]\\d+)*");

    /** The newest migration in the locations. */
    record Head() implements MigrationTarget {
    }

    /** Below every migration: an empty schema. */
    record Base() implements MigrationTarget {
    }

    /** N migrations up ({@code +N}) or down ({@code -N}) from where the database is. */
    record Relative(boolean up, int steps) implements MigrationTarget {
    }

    /** One version, as written. */
    record Version(String text, MigrationVersion version) implements MigrationTarget {
    }

    /**
     * @param expected what the command accepts, for the refusal of anything else
     *     (e.g. {@code "head, +N or a version such as 3"})
     * @throws InvalidTarget naming the target and what was expected
     */
    static MigrationTarget parse(String target, String expected) {
        if (target.equals("head")) {
            return new Head();
        }
        if (target.equals("base")) {
            return new Base();
        }
        Matcher relative = RELATIVE.matcher(target);
        if (relative.matches()) {
            int steps;
            try {
                steps = Integer.parseInt(relative.group(2));
            } catch (NumberFormatException e) {
                throw new InvalidTarget("target " + target + " is too large");
            }
            if (steps < 1) {
                throw new InvalidTarget("target " + target + " must move by at least one migration");
            }
            return new Relative(relative.group(1).equals("+"), steps);
        }
        if (VERSION.matcher(target).matches()) {
            return new Version(target, MigrationVersion.fromVersion(target));
        }
        throw new InvalidTarget("invalid target '" + target + "': expected " + expected);
    }

    /** Only a version: for the {@code FROM} of offline SQL and the like. */
    static Version version(String target, String expected) {
        if (parse(target, expected) instanceof Version version) {
            return version;
        }
        throw new InvalidTarget("invalid target '" + target + "': expected " + expected);
    }
}
