package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.adapters.persistence.postgres.DatabaseErrors;
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
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.springframework.dao.DataAccessException;

/**
 * {@link UserRepository} on PostgreSQL's {@code users}. Uniqueness of usernames is the
 * unique index {@code ix_users_username}, so two concurrent creations of one name cannot
 * both succeed; the loser gets a {@link DuplicateException}.
 */
public final class MyBatisUserRepository implements UserRepository {

    private final UserMapper mapper;

    MyBatisUserRepository(UserMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public User create(NewUser user) {
        UserRow row = UserRow.fromDomain(user);
        return writeUnique(user.username(), "create user", () -> mapper.insert(row)).toDomain();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(run("find user " + id, () -> mapper.findById(id.value()))).map(UserRow::toDomain);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return Optional.ofNullable(run("find user by name", () -> mapper.findByUsername(username.value())))
                .map(UserRow::toDomain);
    }

    @Override
    public Optional<User> findByUsernameForUpdate(Username username) {
        return Optional.ofNullable(run("lock user by name", () -> mapper.findByUsernameForUpdate(username.value())))
                .map(UserRow::toDomain);
    }

    @Override
    public User update(User user) {
        UserRow row = UserRow.fromDomain(user);
        UserRow stored = writeUnique(user.username(), "update user " + user.id(), () -> mapper.update(row));
        if (stored == null) {
            throw NotFoundException.user(user.username().value());
        }
        return stored.toDomain();
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return run("replace password hash of user " + id,
                () -> mapper.replacePasswordHash(id.value(), expected.value(), replacement.value())) == 1;
    }

    @Override
    public List<User> list() {
        return run("list users", mapper::list).stream().map(UserRow::toDomain).toList();
    }

    @Override
    public long count() {
        return run("count users", mapper::count);
    }

    private static UserRow writeUnique(Username username, String action, Supplier<UserRow> statement) {
        try {
            return statement.get();
        } catch (DataAccessException | PersistenceException e) {
            if (DatabaseErrors.hasState(e, DatabaseErrors.UNIQUE_VIOLATION)) {
                throw new DuplicateException("Username '" + username + "' is already taken");
            }
            throw DatabaseErrors.translate(e, action);
        }
    }

    private static <T> T run(String action, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException | PersistenceException e) {
            throw DatabaseErrors.translate(e, action);
        }
    }
}
