package io.bookingservice.application.testing;

import io.bookingservice.application.port.out.SchemaStatus;

/** A settable {@link SchemaStatus}. */
public class FakeSchemaStatus implements SchemaStatus {

    private volatile State state = State.CURRENT;

    @Override
    public State state() {
        return state;
    }

    public void set(State newState) {
        this.state = newState;
    }
}
