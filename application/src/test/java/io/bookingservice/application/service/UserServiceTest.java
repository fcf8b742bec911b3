package io.bookingservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bookingservice.application.error.AuthenticationFailedException;
import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.error.WrongPasswordException;
import io.bookingservice.application.port.in.ClientInfo;
import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.port.in.StartedSession;
import io.bookingservice.application.port.in.UpdateUserCommand;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.SessionEnd;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private static final Instant NOW = Instant.parse("2030-06-01T09:00:00Z");
    private static final String PASSWORD = Users.PASSWORD;

    private final TestClock clock = new TestClock(NOW);
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final SerialTransactions transactions = new SerialTransactions();
    private final FakeSessionRepository sessions = new FakeSessionRepository(users);
    private final UserService service = new UserService(users, sessions, hasher, transactions, clock, true);

    private final User admin = users.create(Users.newUser("admin", Role.ADMIN));
    private final User alice = users.create(Users.newUser("alice", Role.REQUESTER));

    private User stored(String username) {
        return users.findByUsername(new Username(username)).orElseThrow();
    }

    @Test
    void theRightPasswordLogsIn() {
        assertThat(service.logIn("alice", PASSWORD)).isEqualTo(alice);
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountFailAlike() {
        users.update(stored("alice").withDisabled(true));

        Throwable wrongPassword = catchThrowable(() -> service.logIn("admin", "not the password"));
        Throwable unknownUser = catchThrowable(() -> service.logIn("nobody", PASSWORD));
        Throwable disabled = catchThrowable(() -> service.logIn("alice", PASSWORD));
        Throwable invalidName = catchThrowable(() -> service.logIn(" ", PASSWORD));
        Throwable noPassword = catchThrowable(() -> service.logIn("admin", null));

        for (Throwable failure : List.of(wrongPassword, unknownUser, disabled, invalidName, noPassword)) {
            assertThat(failure).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("Incorrect username or password");
        }
    }

    @Test
    void aLegacyHashIsUpgradedOnLoginWithoutEndingSessions() {
        User legacy = users.create(Users.newUser("legacy", Role.REQUESTER, FakePasswordHasher.legacyHashOf(PASSWORD)));

        User loggedIn = service.logIn("legacy", PASSWORD);

        assertThat(loggedIn.passwordHash().value()).startsWith(FakePasswordHasher.PREFIX);
        assertThat(stored("legacy").passwordHash()).isEqualTo(loggedIn.passwordHash());
        assertThat(stored("legacy").passwordChangedAt()).isEqualTo(legacy.passwordChangedAt());
        assertThat(service.logIn("legacy", PASSWORD)).isEqualTo(loggedIn);
    }

    @Test
    void anAdminResetWhileALoginRehashesIsNotUndone() {
        users.create(Users.newUser("legacy", Role.REQUESTER, FakePasswordHasher.legacyHashOf(PASSWORD)));
        // The admin's reset and disabling commit while the login is busy hashing the upgrade.
        FakePasswordHasher slowHasher = new FakePasswordHasher() {
            @Override
            public PasswordHash hash(String rawPassword) {
                User read = stored("legacy");
                users.update(read.withDisabled(true).withPassword(new PasswordHash("fake$reset-by-admin"),
                        clock.instant()));
                return super.hash(rawPassword);
            }
        };
        UserService racing = new UserService(users, sessions, slowHasher, transactions, clock, true);

        racing.logIn("legacy", PASSWORD);

        assertThat(stored("legacy").passwordHash().value()).isEqualTo("fake$reset-by-admin");
        assertThat(stored("legacy").disabled()).isTrue();
    }

    @Test
    void aLegacyHashIsLeftAloneWhenRehashingIsOff() {
        UserService noRehash = new UserService(users, sessions, hasher, transactions, clock, false);
        users.create(Users.newUser("legacy", Role.REQUESTER, FakePasswordHasher.legacyHashOf(PASSWORD)));

        noRehash.logIn("legacy", PASSWORD);

        assertThat(stored("legacy").passwordHash()).isEqualTo(FakePasswordHasher.legacyHashOf(PASSWORD));
        assertThat(transactions.count()).isZero();
    }

    @Test
    void anAdminCreatesAnAccountWithAHashedPassword() {
        User created = service.create(new CreateUserCommand("carol", "a long password", "admin", false), admin);

        assertThat(created.role()).isEqualTo(Role.ADMIN);
        assertThat(created.passwordHash().value()).isEqualTo(FakePasswordHasher.PREFIX + "a long password");
        assertThat(created.passwordChangedAt()).isEqualTo(NOW);
        assertThat(stored("carol")).isEqualTo(created);
    }

    @Test
    void aNewAccountIsARequesterUnlessToldOtherwise() {
        assertThat(service.create(new CreateUserCommand("carol", "a long password", null, false), admin).role())
                .isEqualTo(Role.REQUESTER);
    }

    @Test
    void aTakenUsernameIsADuplicate() {
        assertThatThrownBy(() -> service.create(new CreateUserCommand("alice", "a long password", null, false), admin))
                .isInstanceOf(DuplicateException.class);
    }

    @Test
    void aBadRoleAndAShortPasswordAreReportedTogether() {
        assertThatThrownBy(() -> service.create(new CreateUserCommand("carol", "short", "root", false), admin))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("role", "password"));
        assertThat(users.findByUsername(new Username("carol"))).isEmpty();
    }

    @Test
    void onlyAnAdminManagesUsers() {
        assertThatThrownBy(() -> service.create(new CreateUserCommand("carol", "a long password", null, false),
                alice)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.update("admin", new UpdateUserCommand("requester", null, null), alice))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.list(alice)).isInstanceOf(PermissionDeniedException.class);
        assertThat(stored("admin").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anAdminChangesRoleAndDisabledFlagWithoutTouchingThePassword() {
        User updated = service.update("alice", new UpdateUserCommand("admin", true, null), admin);

        assertThat(updated.role()).isEqualTo(Role.ADMIN);
        assertThat(updated.disabled()).isTrue();
        assertThat(updated.passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(updated.passwordChangedAt()).isEqualTo(alice.passwordChangedAt());
        assertThat(stored("alice")).isEqualTo(updated);
    }

    @Test
    void anAdminResetsAPasswordAndDatesTheChange() {
        clock.advance(Duration.ofHours(1));

        User updated = service.update("alice", new UpdateUserCommand(null, null, "a brand new secret"), admin);

        assertThat(updated.passwordChangedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(service.logIn("alice", "a brand new secret")).isEqualTo(updated);
        assertThatThrownBy(() -> service.logIn("alice", PASSWORD)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void updatingAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> service.update("nobody", new UpdateUserCommand("admin", null, null), admin))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUpdateWithAnInvalidRoleOrPasswordChangesNothing() {
        assertThatThrownBy(() -> service.update("alice", new UpdateUserCommand("boss", null, "short"), admin))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("role", "password"));
        assertThat(stored("alice")).isEqualTo(alice);
    }

    @Test
    void aUserChangesTheirOwnPassword() {
        clock.advance(Duration.ofMinutes(10));

        User changed = service.changeOwnPassword(alice, PASSWORD, "my new passphrase");

        assertThat(changed.passwordChangedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(service.logIn("alice", "my new passphrase")).isEqualTo(changed);
    }

    @Test
    void aWrongCurrentPasswordRefusesTheChange() {
        assertThatThrownBy(() -> service.changeOwnPassword(alice, "not it", "my new passphrase"))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(stored("alice")).isEqualTo(alice);
    }

    @Test
    void aTooShortNewPasswordIsReportedUnderItsField() {
        assertThatThrownBy(() -> service.changeOwnPassword(alice, PASSWORD, "short"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("newPassword"));
    }

    @Test
    void upsertCreatesAnAccountThenUpdatesIt() {
        User created = service.upsert(new CreateUserCommand("operator", "first password", "requester", false));
        clock.advance(Duration.ofDays(1));

        User updated = service.upsert(new CreateUserCommand("operator", "second password", "admin", true));

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.role()).isEqualTo(Role.ADMIN);
        assertThat(updated.disabled()).isTrue();
        assertThat(updated.passwordHash().value()).isEqualTo(FakePasswordHasher.PREFIX + "second password");
        assertThat(updated.passwordChangedAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(users.count()).isEqualTo(3);
    }

    @Test
    void operatorsDisableAndListAccounts() {
        assertThat(service.setDisabled("alice", true).disabled()).isTrue();
        assertThat(service.listAll()).extracting(u -> u.username().value()).containsExactly("admin", "alice");
        assertThat(service.list(admin)).hasSize(2);
        assertThat(service.noUsers()).isFalse();
        assertThat(new UserService(new FakeUserRepository(), sessions, hasher, transactions, clock, true).noUsers()).isTrue();
    }

    @Test
    void theFirstAccountIsCreatedOnlyOnAnEmptyDatabase() {
        FakeUserRepository none = new FakeUserRepository();
        UserService empty = new UserService(none, new FakeSessionRepository(none), hasher, transactions, clock, true);
        CreateUserCommand first = new CreateUserCommand("admin", "first password", "admin", false);

        assertThat(empty.createFirstAccount(first)).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ADMIN));
        assertThat(empty.createFirstAccount(new CreateUserCommand("admin", "second password", "admin", false))).isEmpty();
        assertThat(empty.logIn("admin", "first password").username().value()).isEqualTo("admin");
        assertThat(service.createFirstAccount(first)).as("a database with accounts").isEmpty();
    }

    @Test
    void losingTheFirstAccountRaceToAnotherInstanceIsAnEmptyAnswerNotAFailure() {
        FakeUserRepository raced = new FakeUserRepository() {
            @Override
            public long count() {
                return 0; // counted before the other instance's insert became visible
            }
        };
        raced.create(Users.newUser("admin", Role.ADMIN));
        UserService late = new UserService(raced, new FakeSessionRepository(raced), hasher, transactions, clock, true);

        assertThat(late.createFirstAccount(new CreateUserCommand("admin", "my password", "admin", false))).isEmpty();
        assertThat(raced.findByUsername(new Username("admin")).orElseThrow().passwordHash().value())
                .as("the winner's password stands").doesNotContain("my password");
    }

    @Test
    void findByUsernameTreatsAnInvalidNameAsUnknown() {
        assertThat(service.findByUsername("alice")).contains(alice);
        assertThat(service.findByUsername("")).isEmpty();
        assertThat(service.findByUsername("x".repeat(101))).isEmpty();
    }

    private final SessionService sessionService = new SessionService(sessions, users, transactions, clock,
            SessionLimits.DEFAULT, new SecureRandom());

    private boolean alive(StartedSession session) {
        return sessionService.findSignedIn(session.user().username().value(), session.session().id().toString())
                .orElseThrow().sessionActive();
    }

    @Test
    void changingOnesOwnPasswordEndsEverySessionOfTheAccount() {
        StartedSession first = sessionService.start(alice, ClientInfo.UNKNOWN);
        StartedSession second = sessionService.start(alice, ClientInfo.UNKNOWN);
        StartedSession admins = sessionService.start(admin, ClientInfo.UNKNOWN);

        service.changeOwnPassword(stored("alice"), PASSWORD, "a brand new password");

        assertThat(alive(first)).isFalse();
        assertThat(alive(second)).isFalse();
        assertThat(alive(admins)).isTrue();
        assertThat(sessions.all()).filteredOn(s -> s.userId().equals(alice.id()))
                .allMatch(s -> s.endReason() == SessionEnd.PASSWORD_CHANGED);
    }

    @Test
    void aPasswordResetOrADisablingByAnAdminEndsTheSessions() {
        StartedSession beforeReset = sessionService.start(alice, ClientInfo.UNKNOWN);
        service.update("alice", new UpdateUserCommand(null, null, "reset by the admin"), admin);
        assertThat(alive(beforeReset)).isFalse();

        StartedSession beforeDisabling = sessionService.start(stored("alice"), ClientInfo.UNKNOWN);
        service.update("alice", new UpdateUserCommand(null, true, null), admin);
        assertThat(alive(beforeDisabling)).isFalse();
        assertThat(sessions.all()).extracting(Session::endReason)
                .containsExactlyInAnyOrder(SessionEnd.PASSWORD_CHANGED, SessionEnd.ACCOUNT_DISABLED);
    }

    @Test
    void aRoleChangeKeepsTheSessions() {
        StartedSession session = sessionService.start(alice, ClientInfo.UNKNOWN);

        service.update("alice", new UpdateUserCommand("admin", false, null), admin);

        assertThat(alive(session)).isTrue();
    }

    @Test
    void theOperatorsToolsEndSessionsWhenTheyDisableOrSetAPassword() {
        StartedSession session = sessionService.start(alice, ClientInfo.UNKNOWN);
        service.setDisabled("alice", true);
        assertThat(alive(session)).isFalse();

        service.setDisabled("alice", false);
        StartedSession next = sessionService.start(stored("alice"), ClientInfo.UNKNOWN);
        service.upsert(new CreateUserCommand("alice", "rotated password 1", "requester", false));
        assertThat(alive(next)).isFalse();
    }

    @Test
    void aLoginWhosePasswordChangedBeforeItsSessionStartedGetsNone() {
        User checked = service.logIn("alice", PASSWORD);
        service.changeOwnPassword(stored("alice"), PASSWORD, "changed meanwhile");

        assertThatThrownBy(() -> sessionService.start(checked, ClientInfo.UNKNOWN))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(sessions.all()).isEmpty();
    }
}
