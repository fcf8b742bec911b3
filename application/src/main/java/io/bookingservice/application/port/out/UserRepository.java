package io.bookingservice.application.port.out;

import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.util.List;
import java.util.Optional;

/** Stored accounts. Usernames are unique. */
public interface UserRepository {

    /** @throws io.bookingservice.application.error.DuplicateException when the username is taken */
    User create(NewUser user);

    Optional<User> findById(UserId id);

    Optional<User> findByUsername(Username username);

    /**
     * Reads the account and locks it until the end of the current transaction: another unit
     * of work that locks or updates it waits until this one commits or rolls back, then sees
     * what it wrote. Call it inside {@link Transactions#inTransaction} before a
     * read-modify-write of the account, so that two such writes cannot undo each other (an
     * admin's disabling lost to the user's own password change, say). Outside a unit of work
     * the lock ends with the read itself and protects nothing.
     */
    Optional<User> findByUsernameForUpdate(Username username);

    /** @throws io.bookingservice.application.error.NotFoundException when it does not exist */
    User update(User user);

    /**
     * Replaces the password hash, and nothing else, if it is still {@code expected}: a
     * transparent re-hash at login must not undo a password reset, a role change or a
     * disabling that committed meanwhile.
     *
     * @return whether the hash was replaced
     */
    boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement);

    /** Every account, ordered by id. */
    List<User> list();

    long count();
}
