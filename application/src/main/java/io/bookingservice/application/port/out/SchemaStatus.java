package io.bookingservice.application.port.out;

/** Is the database at the latest migration? */
public interface SchemaStatus {

    enum State {
        CURRENT,
        OUTDATED,
        UNREACHABLE
    }

    State state();
}
