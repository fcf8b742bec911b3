package io.bookingservice.adapters.persistence.memory;

import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts in memory, usernames unique, under the shared lock of {@link InMemoryTransactions}. */
public final class InMemoryUserRepository implements UserRepository {

    private final InMemoryTransactions store;
    /** Guarded by the store's lock. */
    private final TreeMap<Long, User> rows = new TreeMap<>();
    private final Map<Username, Long> idsByName = new HashMap<>();
    private long lastId;

    public InMemoryUserRepository(InMemoryTransactions store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public User create(NewUser user) {
        return store.locked(() -> {
            if (idsByName.containsKey(user.username())) {
                throw taken(user.username());
            }
            long id = ++lastId;
            User stored = user.withId(new UserId(id));
            rows.put(id, stored);
            idsByName.put(stored.username(), id);
            store.onRollback(() -> {
                rows.remove(id);
                idsByName.remove(stored.username());
            });
            return stored;
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return store.locked(() -> Optional.ofNullable(rows.get(id.value())));
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return store.locked(() -> Optional.ofNullable(idsByName.get(username)).map(rows::get));
    }

    /**
     * The plain read is enough: a unit of work holds the store's one lock from start to end
     * ({@link InMemoryTransactions}), so no other unit of work can change the account before
     * this one ends.
     */
    @Override
    public Optional<User> findByUsernameForUpdate(Username username) {
        return findByUsername(username);
    }

    @Override
    public User update(User user) {
        return store.locked(() -> {
            long id = user.id().value();
            User current = rows.get(id);
            if (current == null) {
                throw NotFoundException.user(user.username().value());
            }
            Long holder = idsByName.get(user.username());
            if (holder != null && holder != id) {
                throw taken(user.username());
            }
            rows.put(id, user);
            idsByName.remove(current.username());
            idsByName.put(user.username(), id);
            store.onRollback(() -> {
                rows.put(id, current);
                idsByName.remove(user.username());
                idsByName.put(current.username(), id);
            });
            return user;
        });
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return store.locked(() -> {
            User current = rows.get(id.value());
            if (current == null || !current.passwordHash().equals(expected)) {
                return false;
            }
            rows.put(id.value(), current.withRehashedPassword(replacement));
            store.onRollback(() -> rows.put(id.value(), current));
            return true;
        });
    }

    @Override
    public List<User> list() {
        return store.locked(() -> List.copyOf(rows.values()));
    }

    @Override
    public long count() {
        return store.locked(() -> (long) rows.size());
    }

    private static DuplicateException taken(Username username) {
        return new DuplicateException("Username '" + username + "' is already taken");
    }
}
