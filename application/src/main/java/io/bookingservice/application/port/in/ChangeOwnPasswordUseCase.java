package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.User;

/** Self-service: what a signed-in user does to their own account. */
public interface ChangeOwnPasswordUseCase {

    /**
     * A user changes their own password, confirming the current one. Tokens issued before
     * the change stop working.
     *
     * @throws io.bookingservice.application.error.WrongPasswordException when {@code currentPassword} is wrong
     */
    User changeOwnPassword(User self, String currentPassword, String newPassword);
}
