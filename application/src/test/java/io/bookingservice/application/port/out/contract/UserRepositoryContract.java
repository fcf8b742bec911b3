package io.bookingservice.application.port.out.contract;

import static io.bookingservice.application.port.out.contract.ContractSupport.DEADLOCK_GUARD_SECONDS;
import static io.bookingservice.application.port.out.contract.ContractSupport.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} adapter must do; runs as a nested suite of
 * {@link PersistenceContract}, which an adapter subclasses once. Tests use usernames of their
 * own and never assume an empty store.
 */
abstract class UserRepositoryContract {

    private PersistencePorts adapter;

    /** The adapter under test, asked for before each test. */
    protected abstract PersistencePorts ports();

    /** Whether a unit of work that throws leaves no trace; see {@link PersistenceContract#undoesFailedUnitsOfWork}. */
    protected boolean undoesFailedUnitsOfWork() {
        return true;
    }

    private UserRepository users() {
        return adapter.users();
    }

    /** The unit of work of the same adapter. */
    private Transactions transactions() {
        return adapter.transactions();
    }

    @BeforeEach
    final void prepareUserContract() {
        adapter = ports();
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
    void aLockingReadFindsWhatAPlainReadFinds() {
        User created = users().create(Users.newUser(name(), Role.ADMIN));

        assertThat(transactions().inTransaction(() -> users().findByUsernameForUpdate(created.username())))
                .contains(created);
        assertThat(transactions().inTransaction(() -> users().findByUsernameForUpdate(new Username(name()))))
                .isEmpty();
    }

    /**
     * An admin disables Bob while Bob changes his own password. The admin's unit of work
     * locks Bob first and dawdles; Bob's starts meanwhile. With the lock, Bob's read waits
     * for the admin's commit and his write keeps the disabling. With a plain read, Bob's unit
     * of work would read the account as it was before (disabled=false, old hash) and one of
     * the two writes would undo the other, whichever order they land in.
     */
    @Test
    void aLockingReadMakesAConcurrentReadModifyWriteBuildOnTheFirst() throws Exception {
        User bob = users().create(Users.newUser(name(), Role.REQUESTER));
        PasswordHash chosenByBob = new PasswordHash("$argon2id$chosen-by-bob");
        Instant changedAt = Instant.parse("2031-02-03T04:05:06Z");
        CountDownLatch adminHoldsTheLock = new CountDownLatch(1);
        CountDownLatch bobStarted = new CountDownLatch(1);
        AtomicReference<Thread> bobThread = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<User> admin = pool.submit(() -> transactions().inTransaction(() -> {
                User read = users().findByUsernameForUpdate(bob.username()).orElseThrow();
                adminHoldsTheLock.countDown();
                await(bobStarted);
                awaitBlockedOnLock(bobThread);
                return users().update(read.withDisabled(true));
            }));
            await(adminHoldsTheLock);
            Future<User> self = pool.submit(() -> {
                bobThread.set(Thread.currentThread());
                // Counted down outside the unit of work: an adapter whose units of work
                // exclude each other as a whole may block Bob at its start.
                bobStarted.countDown();
                return transactions().inTransaction(() -> users().update(
                        users().findByUsernameForUpdate(bob.username()).orElseThrow()
                                .withPassword(chosenByBob, changedAt)));
            });
            finish(admin);
            finish(self);
        } finally {
            pool.shutdownNow();
        }

        User stored = users().findById(bob.id()).orElseThrow();
        assertThat(stored.disabled()).as("the admin's disabling survives Bob's password change").isTrue();
        assertThat(stored.passwordHash()).as("Bob's password change survives the disabling").isEqualTo(chosenByBob);
        assertThat(stored).isEqualTo(bob.withDisabled(true).withPassword(chosenByBob, changedAt));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the other unit of work never got there: deadlock?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Returns once the other unit of work waits for the lock this thread holds on the account:
     * no guessed sleep. This default suits adapters that lock in the JVM (the waiting thread
     * parks); an adapter whose lock lives elsewhere (a database) overrides it and asks there.
     *
     * @param waiter  the thread of the unit of work that should be waiting (set once it started)
     */
    protected void awaitBlockedOnLock(AtomicReference<Thread> waiter) {
        awaitThreadParked(waiter);
    }

    /** The default of {@link #awaitBlockedOnLock}: the waiting thread parks in this JVM. */
    static void awaitThreadParked(AtomicReference<Thread> waiter) {
        awaitCondition("the other unit of work to wait for the lock", () -> {
            Thread thread = waiter.get();
            return thread != null && (thread.getState() == Thread.State.WAITING
                    || thread.getState() == Thread.State.BLOCKED);
        });
    }

    /** Polls {@code condition} every few milliseconds, failing after the deadlock guard. */
    protected static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLOCK_GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static <T> T finish(Future<T> unitOfWork) throws InterruptedException {
        try {
            return unitOfWork.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("a unit of work failed unexpectedly", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a unit of work did not finish: deadlock?", e);
        }
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
        assumeTrue(undoesFailedUnitsOfWork(), "the adapter does not roll back a failed unit of work");
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
