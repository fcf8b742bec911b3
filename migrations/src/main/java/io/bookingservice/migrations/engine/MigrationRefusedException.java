package io.bookingservice.migrations.engine;

/**
 * The engine would not do what was asked, because doing it could lose data or leave the
 * history wrong. Nothing was changed. The message says what was found and what to do next.
 * Subclasses name the reason so callers (the CLI) can react without parsing messages.
 */
public class MigrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationRefusedException(String message) {
        super(message);
    }

    public MigrationRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A version to downgrade has no {@code U<n>__<slug>.sql} in the undo location. */
    public static final class MissingUndoScript extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        MissingUndoScript(String message) {
            super(message);
        }
    }

    /** The script applied to the database is not the one in the source tree any more. */
    public static final class ChecksumMismatch extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        ChecksumMismatch(String message) {
            super(message);
        }
    }

    /** The history records a failed migration; the schema is in an unknown state. */
    public static final class FailedMigrationRecorded extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        FailedMigrationRecorded(String message) {
            super(message);
        }
    }

    /** The downgrade would go below the baseline, which no migration of ours built. */
    public static final class BelowBaseline extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        BelowBaseline(String message) {
            super(message);
        }
    }

    /** An Alembic-managed database that cannot be mapped to one of our versions. */
    public static final class AdoptionRefused extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        AdoptionRefused(String message) {
            super(message);
        }
    }

    /** A target ({@code head}, {@code +N}, {@code -N}, a version, {@code base}) that cannot be reached. */
    public static final class InvalidTarget extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        InvalidTarget(String message) {
            super(message);
        }
    }

    /** {@code new} would overwrite a script or write into a folder that does not exist. */
    public static final class NewMigrationRefused extends MigrationRefusedException {
        private static final long serialVersionUID = 1L;

        NewMigrationRefused(String message) {
            super(message);
        }
    }
}
