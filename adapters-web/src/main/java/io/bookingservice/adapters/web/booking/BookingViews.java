package io.bookingservice.adapters.web.booking;

import io.bookingservice.application.port.in.UsernamesUseCase;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bookings as JSON, with the accounts behind them named: one lookup for a whole page or
 * batch, so a listing costs one read per distinct account, not one per booking.
 */
final class BookingViews {

    private final UsernamesUseCase usernames;

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
        Map<UserId, Username> names = ids.isEmpty() ? Map.of() : usernames.usernames(ids);
        return bookings.stream().map(booking -> BookingJson.from(booking, names)).toList();
    }
}
