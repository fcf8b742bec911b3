package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.util.Map;
import java.util.Set;

/**
 * Names the accounts behind ids, e.g. who submitted or decided the bookings a client reads.
 * Callers pass only ids from what the reader may already see.
 */
public interface UsernamesUseCase {

    /** The username of each id that names an account; unknown ids are left out. */
    Map<UserId, Username> usernames(Set<UserId> ids);
}
