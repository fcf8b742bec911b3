package io.bookingservice.application.port.in;

import io.bookingservice.application.model.BookingPage;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.user.User;
import java.util.List;
import java.util.function.Consumer;

/** List bookings in ascending id order: admins all, requesters only their own. */
public interface ListBookingsUseCase {

    /**
     * One page of at most {@code limit} bookings with ids greater than {@code after};
     * {@link BookingPage#next()} is the cursor of the following page.
     *
     * @param after {@code null} for the first page
     * @param limit 1 to {@value BookingQuery#MAX_LIMIT}, else a {@link io.bookingservice.domain.ValidationException}
     */
    BookingPage list(BookingQuery query, BookingId after, int limit, User reader);

    /**
     * Every matching booking, delivered to {@code batches} as consecutive keyset batches of at
     * most {@code batchSize} rows, each read by its own short query: memory stays flat and no
     * database connection is held while the consumer writes a batch out.
     */
    void forEachBatch(BookingQuery query, int batchSize, User reader, Consumer<List<Booking>> batches);
}
