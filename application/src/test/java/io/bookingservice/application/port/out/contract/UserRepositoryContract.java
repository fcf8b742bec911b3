package io.bookingservice.application.port.out.contract;

import static io.bookingservice.application.port.out.contract.ContractSupport.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.error.DuplicateException;
import io.bookingservice.application.error.NotFoundException;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} adapter must do. Subclass it once per adapter. Tests
 * use usernames of their own and never assume an empty store.
 */
public abstract class UserRepositoryContract {

    /** The adapter under test. */
    protected abstract UserRepository users();

    /** The unit of work of the same adapter. */
    protected abstract Transactions transactions();

    /**
     * Called before each test, before anything else; override to (re)create the adapter or
     * clean the store. The default does nothing, which is fine: no test relies on it.
     */
    protected void resetState() {
    }

    @BeforeEach
    final void prepareUserContract() {
        resetState();
    }

    private static String name() {
        return Users.uniqueName("user");
    }

    @Test
    void createAssignsAnIdAndStoresEveryField() {
        NewUser wanted = new NewUser(new Username(name()), new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$abc$def"),
                true, Role.ADMIN, Instant.parse("2030-03-04T05:06:07Z"));

        User created = users().create(wanted);

        assertThat(created).isEqualTo(wanted.withId(created.id()));
        assertThat(users().findById(created.id())).contains(created);
        assertThat(users().findByUsername(wanted.username())).contains(created);
    }

    @Test
    void laterAccountsGetGreaterIds() {
        User first = users().create(Users.newUser(name(), Role.REQUESTER));
        User second = users().create(Users.newUser(name(), Role.REQUESTER));

        assertThat(second.id().value()).isGreaterThan(first.id().value());
    }

    @Test
    void unknownAccountsAreAbsent() {
        assertThat(users().findByUsername(new Username(name()))).isEmpty();
        assertThat(users().findById(new UserId(Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void aTakenUsernameIsADuplicate() {
        String taken = name();
        User first = users().create(Users.newUser(taken, Role.REQUESTER));

        assertThatThrownBy(() -> users().create(Users.newUser(taken, Role.ADMIN)))
                .isInstanceOf(DuplicateException.class);
        assertThat(users().findByUsername(new Username(taken))).contains(first);
    }

    @Test
    void ofConcurrentCreatesOfOneUsernameExactlyOneSucceeds() throws InterruptedException {
        String contested = name();
        List<Callable<Boolean>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(() -> {
                try {
                    users().create(Users.newUser(contested, Role.REQUESTER));
                    return true;
                } catch (DuplicateException e) {
                    return false;
                }
            });
        }

        assertThat(race(creates)).containsOnlyOnce(true);
        assertThat(users().list()).filteredOn(u -> u.username().value().equals(contested)).hasSize(1);
    }

    @Test
    void updateStoresRoleDisabledFlagAndPassword() {
        User created = users().create(Users.newUser(name(), Role.REQUESTER));
        Instant changedAt = Instant.parse("2031-01-01T00:00:00Z");

        User changed = created.withRole(Role.ADMIN).withDisabled(true)
                .withPassword(new PasswordHash("$argon2id$new"), changedAt);
        User updated = users().update(changed);

        assertThat(updated).isEqualTo(changed);
        assertThat(users().findById(created.id())).contains(changed);
        assertThat(users().findByUsername(created.username())).contains(changed);
    }

    @Test
    void aRehashReplacesOnlyTheHashAndOnlyWhileItIsUnchanged() {
        User created = users().create(Users.newUser(name(), Role.REQUESTER));
        PasswordHash legacy = created.passwordHash();
        PasswordHash upgraded = new PasswordHash("$argon2id$upgraded");

        assertThat(users().replacePasswordHash(created.id(), legacy, upgraded)).isTrue();
        assertThat(users().findById(created.id())).contains(created.withRehashedPassword(upgraded));

        assertThat(users().replacePasswordHash(created.id(), legacy, new PasswordHash("$argon2id$stale")))
                .as("the hash it expected is gone").isFalse();
        assertThat(users().findById(created.id()).orElseThrow().passwordHash()).isEqualTo(upgraded);
    }

    @Test
    void aRehashRacingAnAdminResetLeavesTheResetAndTheDisablingInPlace() {
        User created = users().create(Users.newUser(name(), Role.REQUESTER));
        // The login read the account, then an admin reset the password and disabled it
        // while the login was still verifying and hashing.
        User reset = users().update(created.withDisabled(true)
                .withPassword(new PasswordHash("$argon2id$reset"), Instant.parse("2031-01-01T00:00:00Z")));

        boolean replaced = users().replacePasswordHash(created.id(), created.passwordHash(),
                new PasswordHash("$argon2id$from-the-login"));

        assertThat(replaced).isFalse();
        assertThat(users().findById(created.id())).contains(reset);
    }

    @Test
    void updatingAnUnknownAccountIsNotFound() {
        User ghost = new User(new UserId(Integer.MAX_VALUE), new Username(name()), new PasswordHash("x"), false,
                Role.REQUESTER, null);

        assertThatThrownBy(() -> users().update(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(users().findById(ghost.id())).isEmpty();
    }

    @Test
    void listingIsOrderedByIdAndIncludesEveryAccount() {
        User a = users().create(Users.newUser(name(), Role.REQUESTER));
        User b = users().create(Users.newUser(name(), Role.ADMIN));
        User c = users().create(Users.newUser(name(), Role.REQUESTER));
        Set<UserId> ours = Set.of(a.id(), b.id(), c.id());

        List<User> listed = users().list();

        assertThat(listed).extracting(u -> u.id().value()).isSorted().doesNotHaveDuplicates();
        assertThat(listed).filteredOn(u -> ours.contains(u.id())).containsExactly(a, b, c);
    }

    @Test
    void countGrowsWithEachAccount() {
        long before = users().count();

        users().create(Users.newUser(name(), Role.REQUESTER));
        users().create(Users.newUser(name(), Role.REQUESTER));

        assertThat(users().count()).isEqualTo(before + 2);
        assertThat(users().count()).isEqualTo(users().list().size());
    }

    @Test
    void anAccountCreatedInAFailedUnitOfWorkIsGone() {
        String rolledBack = name();
        AtomicReference<UserId> id = new AtomicReference<>();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            id.set(users().create(Users.newUser(rolledBack, Role.REQUESTER)).id());
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(users().findByUsername(new Username(rolledBack))).isEmpty();
        assertThat(users().findById(id.get())).isEmpty();
        assertThat(users().create(Users.newUser(rolledBack, Role.REQUESTER)).username().value())
                .as("the name is free again").isEqualTo(rolledBack);
    }
}
