package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.User;

/** Check a username and password. */
public interface LogInUseCase {

    /**
     * @return the active account; a legacy hash is upgraded on the way when re-hashing is on
     * @throws io.bookingservice.application.error.AuthenticationFailedException for an unknown
     *         user, a wrong password or a disabled account alike
     */
    User logIn(String username, String password);
}
