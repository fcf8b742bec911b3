package io.bookingservice.application.testing;

import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ready-made accounts for tests. {@link #admin()} and {@link #requester(String)} return
 * users that need not be stored (the booking service takes the acting {@link User} as
 * given); the same name always gives the same id. {@link #newUser} gives accounts to store.
 */
public final class Users {

    /** Every ready-made account's password, hashed with {@link FakePasswordHasher}. */
    public static final String PASSWORD = "correct horse battery";
    public static final Instant PASSWORD_CHANGED_AT = Instant.parse("2030-01-01T00:00:00Z");

    private static final Map<String, UserId> IDS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private Users() {
    }

    public static User admin() {
        return user("admin", Role.ADMIN);
    }

    public static User requester(String username) {
        return user(username, Role.REQUESTER);
    }

    public static User user(String username, Role role) {
        UserId id = IDS.computeIfAbsent(username, name -> new UserId(NEXT_ID.getAndIncrement()));
        return new User(id, new Username(username), new FakePasswordHasher().hash(PASSWORD), false, role,
                PASSWORD_CHANGED_AT);
    }

    /** An account to store, with {@link #PASSWORD} hashed by {@link FakePasswordHasher}. */
    public static NewUser newUser(String username, Role role) {
        return newUser(username, role, new FakePasswordHasher().hash(PASSWORD));
    }

    public static NewUser newUser(String username, Role role, PasswordHash hash) {
        return new NewUser(new Username(username), hash, false, role, PASSWORD_CHANGED_AT);
    }

    /**
     * A username no other test uses, for stores that are not emptied between tests
     * (e.g. one database per test class).
     */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
