package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.User;
import java.util.Optional;

/** Look an account up by name, e.g. for the user behind each authenticated request. */
public interface FindUserUseCase {

    Optional<User> findByUsername(String username);
}
