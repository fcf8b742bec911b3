package io.bookingservice.application.port.in;

import io.bookingservice.application.model.IdempotencyRequest;
import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.User;
import java.util.function.Function;

/** Submit a talk booking request (any signed-in user; the submitter becomes its owner). */
public interface SubmitBookingUseCase {

    /** @throws io.bookingservice.domain.ValidationException listing every invalid field */
    Booking submit(SubmitBookingCommand command, User submitter);

    /**
     * Submits at most once per (submitter, key): the first request stores the booking and
     * its rendered response in one transaction; a repeat with the same fingerprint gets the
     * stored response back and creates nothing. Keys expire after 24 hours.
     *
     * @param render turns the new booking into the response to store and return
     * @throws io.bookingservice.application.error.IdempotencyKeyReusedException   same key, other request
     * @throws io.bookingservice.application.error.IdempotencyKeyInProgressException first one still running
     */
    StoredResponse submitOnce(SubmitBookingCommand command, User submitter, IdempotencyRequest idempotency,
                              Function<Booking, StoredResponse> render);
}
