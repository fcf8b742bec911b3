package io.bookingservice.application.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which sessions are still alive at a moment: not ended, started after {@code startedAfter} (the
 * absolute limit) and used after {@code usedAfter} (the idle limit). Computed from the settings
 * at each read, so a lowered limit applies to existing sessions at once.
 */
public record SessionWindow(Instant startedAfter, Instant usedAfter) {

    public SessionWindow {
        Objects.requireNonNull(startedAfter, "startedAfter");
        Objects.requireNonNull(usedAfter, "usedAfter");
    }

    public static SessionWindow at(Instant now, Duration idle, Duration max) {
        return new SessionWindow(now.minus(max), now.minus(idle));
    }
}
