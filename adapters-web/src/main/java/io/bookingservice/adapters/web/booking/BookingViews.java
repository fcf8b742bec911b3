package io.bookingservice.adapters.web.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.bookingservice.application.port.in.UsernamesUseCase;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bookings as JSON, with the accounts behind them named. An account's name never changes (no
 * route or command renames one, and ids are never reused), so names once looked up are kept:
 * a booking or a page costs no lookup once its accounts have been seen, where it cost one read
 * per distinct account on every request (the benchmark's statement counts showed it). The
 * cache is bounded, and entries expire, in case a name is ever changed by hand in SQL.
 */
final class BookingViews {

    private static final int MAX_NAMES = 10_000;
    private static final Duration KEEP_NAMES = Duration.ofMinutes(10);

    private final UsernamesUseCase usernames;
    private final Cache<UserId, Username> names = Caffeine.newBuilder()
            .maximumSize(MAX_NAMES)
            .expireAfterWrite(KEEP_NAMES)
            .build();

    BookingViews(UsernamesUseCase usernames) {
        this.usernames = usernames;
    }

    BookingJson of(Booking booking) {
        return of(List.of(booking)).get(0);
    }

    List<BookingJson> of(List<Booking> bookings) {
        Set<UserId> ids = new HashSet<>();
        for (Booking booking : bookings) {
            ids.add(booking.audit().submittedBy());
            ids.add(booking.decision().decidedBy());
        }
        ids.remove(null);
        Map<UserId, Username> known = names.getAllPresent(ids);
        if (known.size() < ids.size()) {
            Set<UserId> missing = new HashSet<>(ids);
            missing.removeAll(known.keySet());
            names.putAll(usernames.usernames(missing));
            known = names.getAllPresent(ids);
        }
        Map<UserId, Username> named = known;
        return bookings.stream().map(booking -> BookingJson.from(booking, named)).toList();
    }
}
