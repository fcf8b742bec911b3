package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.User;
import java.util.List;

/**
 * What an admin does to other accounts. Every method takes the acting {@code admin} and refuses
 * anyone else with {@link io.bookingservice.domain.PermissionDeniedException}.
 */
public interface AdministerUsersUseCase {

    List<User> list(User admin);

    /** @throws io.bookingservice.application.error.DuplicateException when the name is taken */
    User create(CreateUserCommand command, User admin);

    /** @throws io.bookingservice.application.error.NotFoundException for an unknown username */
    User update(String username, UpdateUserCommand command, User admin);
}
