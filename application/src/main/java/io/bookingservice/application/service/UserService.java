package io.bookingservice.application.service;

import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.error.WrongPasswordException;
import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.port.in.FindUserUseCase;
import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.application.port.in.OperateAccountsUseCase;
import io.bookingservice.application.port.in.AdministerUsersUseCase;
import io.bookingservice.application.port.in.ChangeOwnPasswordUseCase;
import io.bookingservice.application.port.in.UpdateUserCommand;
import io.bookingservice.application.port.in.UsernamesUseCase;
import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.application.port.out.SessionRepository;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.Validation;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.PlainPassword;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The account use cases: logging in, looking users up, managing them. */
public final class UserService implements LogInUseCase, FindUserUseCase, AdministerUsersUseCase,
        ChangeOwnPasswordUseCase, OperateAccountsUseCase, UsernamesUseCase {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final boolean rehashOnLogin;
    private volatile PasswordHash decoy;

    /**
     * @param rehashOnLogin upgrade legacy hashes (bcrypt) to today's scheme on a successful
     *                      login; off keeps every hash readable by the Python service
     * @param sessions      ended, in the same unit of work, when a password changes or an account is disabled
     */
    public UserService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                       Transactions transactions, Clock clock, boolean rehashOnLogin) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
        this.rehashOnLogin = rehashOnLogin;
    }

    /** One read per distinct id: a page names few accounts (its requesters and admins). */
    @Override
    public Map<UserId, Username> usernames(Set<UserId> ids) {
        Map<UserId, Username> names = new LinkedHashMap<>();
        for (UserId id : ids) {
            users.findById(id).ifPresent(user -> names.put(id, user.username()));
        }
        return names;
    }

    @Override
    public User logIn(String username, String password) {
        Optional<User> found = parseUsername(username).flatMap(users::findByUsername);
        if (found.isEmpty()) {
            // Spend the same time as a real check so that unknown names cannot be told apart.
            hasher.verify(password == null ? "" : password, decoy());
            throw new AuthenticationFailedException();
        }
        User user = found.get();
        if (password == null || !hasher.verify(password, user.passwordHash()) || user.disabled()) {
            throw new AuthenticationFailedException();
        }
        if (rehashOnLogin && hasher.needsRehash(user.passwordHash())) {
            // Only the hash, and only if nobody changed it while we verified and hashed (a
            // quarter of a second for bcrypt): a reset or disabling made meanwhile stays.
            PasswordHash upgraded = hasher.hash(password);
            boolean replaced = transactions.inTransaction(
                    () -> users.replacePasswordHash(user.id(), user.passwordHash(), upgraded));
            return replaced ? user.withRehashedPassword(upgraded) : user;
        }
        return user;
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return parseUsername(username).flatMap(users::findByUsername);
    }

    @Override
    public List<User> list(User admin) {
        requireAdmin(admin);
        return users.list();
    }

    @Override
    public User create(CreateUserCommand command, User admin) {
        requireAdmin(admin);
        NewUser user = newUser(command);
        return transactions.inTransaction(() -> users.create(user));
    }

    @Override
    public User update(String username, UpdateUserCommand command, User admin) {
        requireAdmin(admin);
        Validation validation = new Validation();
        Role role = command.role() == null ? null : validation.attempt("role", () -> Role.fromCode(command.role()));
        PlainPassword password = command.newPassword() == null ? null
                : validation.attempt("password", () -> new PlainPassword(command.newPassword()));
        validation.throwIfInvalid();
        PasswordHash hash = password == null ? null : hasher.hash(password.value());
        return transactions.inTransaction(() -> {
            User before = existing(username);
            User user = before;
            if (role != null) {
                user = user.withRole(role);
            }
            if (command.disabled() != null) {
                user = user.withDisabled(command.disabled());
            }
            if (hash != null) {
                user = user.withPassword(hash, clock.instant());
            }
            return endSessionsIfLockedOut(before, users.update(user));
        });
    }

    @Override
    public User upsert(CreateUserCommand command) {
        NewUser wanted = newUser(command);
        return transactions.inTransaction(() -> users.findByUsernameForUpdate(wanted.username())
                .map(user -> endSessionsIfLockedOut(user, users.update(
                        user.withPassword(wanted.passwordHash(), wanted.passwordChangedAt())
                                .withRole(wanted.role())
                                .withDisabled(wanted.disabled()))))
                .orElseGet(() -> users.create(wanted)));
    }

    @Override
    public User setDisabled(String username, boolean disabled) {
        return transactions.inTransaction(() -> {
            User before = existing(username);
            return endSessionsIfLockedOut(before, users.update(before.withDisabled(disabled)));
        });
    }

    @Override
    public List<User> listAll() {
        return users.list();
    }

    @Override
    public boolean noUsers() {
        return users.count() == 0;
    }

    @Override
    public Optional<User> createFirstAccount(CreateUserCommand command) {
        NewUser user = newUser(command);
        try {
            // Under READ COMMITTED two instances can both count zero; the unique username then
            // makes the second insert wait for the first and fail, which is the answer "not you".
            return transactions.inTransaction(() -> users.count() == 0 ? Optional.of(users.create(user)) : Optional.<User>empty());
        } catch (DuplicateException e) {
            return Optional.empty();
        }
    }

    @Override
    public User changeOwnPassword(User self, String currentPassword, String newPassword) {
        Validation validation = new Validation();
        PlainPassword password = validation.attempt("newPassword", () -> new PlainPassword(newPassword));
        validation.throwIfInvalid();
        if (currentPassword == null || !hasher.verify(currentPassword, self.passwordHash())) {
            throw new WrongPasswordException();
        }
        PasswordHash hash = hasher.hash(password.value());
        return transactions.inTransaction(() -> {
            User before = existing(self.username().value());
            return endSessionsIfLockedOut(before, users.update(before.withPassword(hash, clock.instant())));
        });
    }

    /**
     * A new password (changed or reset) or a disabling ends every session of the account, in the
     * unit of work that stores it: its refresh tokens and its sessions' access tokens stop working
     * on every instance at once. A role change or a re-enabling keeps them.
     */
    private User endSessionsIfLockedOut(User before, User after) {
        if (!Objects.equals(before.passwordChangedAt(), after.passwordChangedAt())
                || !before.passwordHash().equals(after.passwordHash())) {
            sessions.endAllOf(after.id(), clock.instant(), SessionEnd.PASSWORD_CHANGED);
        } else if (after.disabled() && !before.disabled()) {
            sessions.endAllOf(after.id(), clock.instant(), SessionEnd.ACCOUNT_DISABLED);
        }
        return after;
    }

    private NewUser newUser(CreateUserCommand command) {
        Validation validation = new Validation();
        Username username = validation.attempt("username", () -> new Username(command.username()));
        Role role = command.role() == null ? Role.REQUESTER : validation.attempt("role", () -> Role.fromCode(command.role()));
        PlainPassword password = validation.attempt("password", () -> new PlainPassword(command.password()));
        validation.throwIfInvalid();
        return new NewUser(username, hasher.hash(password.value()), command.disabled(), role, clock.instant());
    }

    /**
     * The account, locked until the running unit of work ends: every read-modify-write goes
     * through here, so a concurrent one (an admin's disabling, the user's own password change)
     * waits and then builds on what this one wrote instead of overwriting it with a stale read.
     */
    private User existing(String username) {
        return parseUsername(username).flatMap(users::findByUsernameForUpdate)
                .orElseThrow(() -> NotFoundException.user(username));
    }

    private PasswordHash decoy() {
        PasswordHash current = decoy;
        if (current == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            current = hasher.hash(Base64.getEncoder().encodeToString(random));
            decoy = current;
        }
        return current;
    }

    private static Optional<Username> parseUsername(String username) {
        try {
            return Optional.of(new Username(username));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    private static void requireAdmin(User actor) {
        if (!actor.isAdmin()) {
            throw new PermissionDeniedException();
        }
    }
}
