package io.bookingservice.application.port.in;

import io.bookingservice.domain.user.User;
import java.util.List;
import java.util.Optional;

/**
 * Accounts as an operator (the command line) and the first start see them: there is no
 * signed-in user, so nothing here checks an actor. Only the bootstrap's operator commands and
 * first-admin creation are given this port; the web adapter never is (an architecture rule
 * keeps it so).
 */
public interface OperateAccountsUseCase {

    /** Creates the account or sets its password, role and disabled flag. */
    User upsert(CreateUserCommand command);

    /** Disables or re-enables an account; users are never deleted. */
    User setDisabled(String username, boolean disabled);

    /** Every account. */
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
}
