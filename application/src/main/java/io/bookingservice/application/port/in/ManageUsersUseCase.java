package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.User;
import java.util.List;
import java.util.Optional;

/**
 * Accounts. Methods taking an {@code admin} refuse anyone else with
 * {@link io.bookingservice.domain.PermissionDeniedException}; the operator methods
 * ({@link #upsert}) are for the command line, which has no signed-in user.
 */
public interface ManageUsersUseCase {

    List<User> list(User admin);

    /** @throws io.bookingservice.application.error.DuplicateException when the name is taken */
    User create(CreateUserCommand command, User admin);

    /** @throws io.bookingservice.application.error.NotFoundException for an unknown username */
    User update(String username, UpdateUserCommand command, User admin);

    /** Creates the account or sets its password, role and disabled flag (the operator's tool). */
    User upsert(CreateUserCommand command);

    /** Disables or re-enables an account (the operator's tool); users are never deleted. */
    User setDisabled(String username, boolean disabled);

    /** Every account, for operators. */
    List<User> listAll();

    /** @return {@code true} when there is no account at all (first start creates an admin) */
    boolean noUsers();

    /**
     * Creates the first account of an empty database. Several instances starting together may
     * all try: exactly one succeeds, the others get an empty answer (and must not announce a
     * password that does not work).
     *
     * @return the account, or empty when an account already exists or another process created it first
     */
    Optional<User> createFirstAccount(CreateUserCommand command);

    /**
     * A user changes their own password, confirming the current one. Tokens issued before
     * the change stop working.
     *
     * @throws io.bookingservice.application.error.WrongPasswordException when {@code currentPassword} is wrong
     */
    User changeOwnPassword(User self, String currentPassword, String newPassword);
}
