package io.bookingservice.application.testing;

import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A small synchronised fake of {@link UserRepository} for application and web tests. */
public class FakeUserRepository implements UserRepository {

    private final TreeMap<Long, User> rows = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized User create(NewUser user) {
        if (findByUsername(user.username()).isPresent()) {
            throw new DuplicateException("Username '" + user.username() + "' is already taken");
        }
        User stored = user.withId(new UserId(++lastId));
        rows.put(lastId, stored);
        return stored;
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(rows.get(id.value()));
    }

    @Override
    public synchronized Optional<User> findByUsername(Username username) {
        return rows.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The fake has no transactions to lock within; a plain read stands in. */
    @Override
    public synchronized Optional<User> findByUsernameForUpdate(Username username) {
        return findByUsername(username);
    }

    @Override
    public synchronized User update(User user) {
        if (!rows.containsKey(user.id().value())) {
            throw NotFoundException.user(user.username().value());
        }
        rows.put(user.id().value(), user);
        return user;
    }

    @Override
    public synchronized boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        User current = rows.get(id.value());
        if (current == null || !current.passwordHash().equals(expected)) {
            return false;
        }
        rows.put(id.value(), current.withRehashedPassword(replacement));
        return true;
    }

    @Override
    public synchronized List<User> list() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized long count() {
        return rows.size();
    }
}
