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
