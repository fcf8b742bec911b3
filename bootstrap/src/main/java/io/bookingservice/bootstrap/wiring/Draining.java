package io.bookingservice.bootstrap.wiring;

/** Set once shutdown begins, so readiness turns false before the server stops accepting. */
public final class Draining {

    private volatile boolean draining;

    public void begin() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }
}
