package io.bookingservice.bootstrap.cli;

import io.bookingservice.application.port.in.ManageUsersUseCase;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.secrets.SecretSource;

/**
 * What the operator commands need from the outside world, so that they can be tested with
 * a stub Secrets Manager and in-memory accounts.
 */
public interface OperatorServices {

    SecretSource secrets(Settings settings);

    /** The accounts of the database {@code settings} point at; the caller closes them. */
    Accounts accounts(Settings settings);

    /**
     * Deletes the idempotency keys older than 24 hours in the database {@code settings} point at
     * (what the service's periodic work does every hour); returns how many.
     */
    int purgeIdempotencyKeys(Settings settings);

    /** Account use cases over an open database connection pool. */
    interface Accounts extends AutoCloseable {
        ManageUsersUseCase users();

        @Override
        void close();
    }
}
