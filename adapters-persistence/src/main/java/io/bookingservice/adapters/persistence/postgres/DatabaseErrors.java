package io.bookingservice.adapters.persistence.postgres;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.StorageUnavailableException;
import io.bookingservice.application.error.UnstorableValueException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what went wrong from the SQLState of the driver's exception, wherever Spring or
 * MyBatis wrapped it, and turns it into the application's exceptions, so that no
 * SQLException, MyBatis or Spring type crosses a port. SQLStates rather than Spring's
 * exception subclasses: they are PostgreSQL's documented contract, and Spring's mapping
 * of them has changed between versions. Shared by every adapter on PostgreSQL, whatever
 * maps its rows (MyBatis today).
 */
public final class DatabaseErrors {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";

    /**
     * Server going away or refusing connections: admin_shutdown, crash_shutdown,
     * cannot_connect_now, too_many_connections. Class 08 (connection exceptions, which
     * pgjdbc also raises on socketTimeout and connectTimeout) is matched by prefix.
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    /** serialization_failure, deadlock_detected: another transaction won; retrying may succeed. */
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01");

    /**
     * The data exceptions (SQLSTATE class 22) a bound value causes when it does not fit:
     * string_data_right_truncation, numeric_value_out_of_range, invalid_datetime_format,
     * datetime_field_overflow, character_not_in_repertoire (a NUL in text),
     * string_data_length_mismatch, untranslatable_character (a {@code \u0000} in jsonb). Every
     * statement here binds what the use case passed, so these mean the request's values were
     * unstorable. The rest of class 22 (division_by_zero, invalid_parameter_value, invalid text
     * representation …) points at our SQL or at stored data, and stays a server error.
     */
    private static final Set<String> UNSTORABLE_VALUE = Set.of("22001", "22003", "22007", "22008", "22021", "22026",
            "22P05");

    private DatabaseErrors() {
    }

    /** The SQLState of the innermost SQLException that has one. */
    public static Optional<String> sqlState(Throwable failure) {
        String state = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return Optional.ofNullable(state);
    }

    public static boolean hasState(Throwable failure, String state) {
        return sqlState(failure).filter(state::equals).isPresent();
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            // Hikari's "connection is not available, request timed out" may carry no SQLState.
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return sqlState(failure).filter(s -> s.startsWith("08") || UNAVAILABLE.contains(s)).isPresent();
    }

    /**
     * The application's view of a failure that the caller did not handle specifically.
     * Anything unrecognised is a bug or a schema mismatch: it surfaces as an
     * {@link IllegalStateException} (a server error), its cause kept for the log.
     */
    public static RuntimeException translate(RuntimeException failure, String action) {
        if (isUnavailable(failure)) {
            return new StorageUnavailableException("The database is unavailable (" + action + ")", failure);
        }
        Optional<String> state = sqlState(failure);
        if (state.filter(UNIQUE_VIOLATION::equals).isPresent()) {
            return new DuplicateException("A unique value is already taken (" + action + ")");
        }
        if (state.filter(LOST_RACE::contains).isPresent()) {
            return new ConcurrentUpdateException("A concurrent change interfered (" + action + "); retry");
        }
        if (state.filter(UNSTORABLE_VALUE::contains).isPresent()) {
            return new UnstorableValueException("A value cannot be stored (" + action + ", SQLState " + state.get() + ")",
                    failure);
        }
        return new IllegalStateException("Database operation failed: " + action
                + state.map(s -> " (SQLState " + s + ")").orElse(""), failure);
    }
}
