package io.bookingservice.bootstrap.secrets;

import io.bookingservice.migrations.config.DatabaseUrl;
import io.bookingservice.migrations.config.InvalidDatabaseUrlException;

/** Where the database is and how to log in, possibly changing while the service runs. */
public interface DatabaseCredentials {

    /** What to connect with now (cached). */
    DatabaseUrl current();

    /** Reads the source again, after the database refused the current password. */
    DatabaseUrl reread();

    /** Fixed credentials (DATABASE_URL, the embedded database): nothing to re-read. */
    static DatabaseCredentials fixed(DatabaseUrl url) {
        return new DatabaseCredentials() {
            @Override
            public DatabaseUrl current() {
                return url;
            }

            @Override
            public DatabaseUrl reread() {
                return url;
            }
        };
    }

    /** Credentials kept in a secret as a URL or RDS rotation JSON, e.g. {@code db_connection_string_prod}. */
    static DatabaseCredentials fromSecret(SecretSource secrets, String secretName) {
        return new DatabaseCredentials() {
            @Override
            public DatabaseUrl current() {
                return parse(secrets.current(secretName));
            }

            @Override
            public DatabaseUrl reread() {
                return parse(secrets.refresh(secretName));
            }

            private DatabaseUrl parse(String value) {
                try {
                    return DatabaseUrl.parse(value);
                } catch (InvalidDatabaseUrlException e) {
                    throw new InvalidDatabaseUrlException("secret " + secretName + ": " + e.getMessage());
                }
            }
        };
    }
}
