package io.bookingservice.application.port.out.contract;

import static io.bookingservice.application.port.out.contract.ContractSupport.freshDay;
import static io.bookingservice.application.port.out.contract.ContractSupport.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore;
import io.bookingservice.application.port.out.IdempotencyStore.Claim;
import io.bookingservice.application.port.out.Transactions;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} adapter must do; runs as a nested suite of
 * {@link PersistenceContract}, which an adapter subclasses once. Each
 * test uses users and keys of its own and never assumes an empty store. Claims and
 * completions run in transactions, as the booking service runs them.
 */
abstract class IdempotencyStoreContract {

    private static final StoredResponse RESPONSE = new StoredResponse(201, "{\"id\":42,\"status\":\"pending\"}");

    private PersistencePorts adapter;

    /** The adapter under test, asked for before each test. */
    protected abstract PersistencePorts ports();

    /** Whether a unit of work that throws leaves no trace; see {@link PersistenceContract#undoesFailedUnitsOfWork}. */
    protected boolean undoesFailedUnitsOfWork() {
        return true;
    }

    private IdempotencyStore idempotencyStore() {
        return adapter.idempotencyStore();
    }

    /** The user store of the same adapter: keys belong to users. */
    private UserRepository users() {
        return adapter.users();
    }

    /** The unit of work of the same adapter. */
    private Transactions transactions() {
        return adapter.transactions();
    }

    protected User alice;
    protected User bob;
    protected String key;
    protected Instant now;

    @BeforeEach
    final void prepareIdempotencyContract() {
        adapter = ports();
        alice = users().create(Users.newUser(Users.uniqueName("alice"), Role.REQUESTER));
        bob = users().create(Users.newUser(Users.uniqueName("bob"), Role.REQUESTER));
        key = UUID.randomUUID().toString();
        now = freshDay();
    }

    private Claim claim(User user, String fingerprint, Instant at) {
        return transactions().inTransaction(() -> idempotencyStore().claim(user.id(), key, fingerprint, at));
    }

    private void claimAndComplete(User user, String fingerprint, Instant at) {
        transactions().inTransaction(() -> {
            assertThat(idempotencyStore().claim(user.id(), key, fingerprint, at)).isInstanceOf(Claim.Claimed.class);
            idempotencyStore().complete(user.id(), key, RESPONSE);
            return null;
        });
    }

    @Test
    void aFreshKeyIsClaimed() {
        assertThat(claim(alice, "fp", now)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void aCompletedKeyReplaysItsResponseForTheSameRequest() {
        claimAndComplete(alice, "fp", now);

        assertThat(claim(alice, "fp", now.plus(Duration.ofMinutes(5)))).isEqualTo(new Claim.Completed(RESPONSE));
    }

    @Test
    void aCompletedKeyWithAnotherRequestIsAMismatch() {
        claimAndComplete(alice, "fp", now);

        assertThat(claim(alice, "other-fp", now.plus(Duration.ofMinutes(5)))).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aClaimedButUncompletedKeyIsInProgress() {
        claim(alice, "fp", now);

        assertThat(claim(alice, "fp", now.plusSeconds(1))).isInstanceOf(Claim.InProgress.class);
    }

    @Test
    void keysAreScopedPerUser() {
        claimAndComplete(alice, "fp", now);

        assertThat(claim(bob, "fp", now)).isInstanceOf(Claim.Claimed.class);
        assertThat(claim(alice, "fp", now)).isEqualTo(new Claim.Completed(RESPONSE));
    }

    @Test
    void aKeyIsRememberedForTwentyFourHours() {
        claimAndComplete(alice, "fp", now);

        assertThat(claim(alice, "other-fp", now.plus(Duration.ofHours(23)))).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void anExpiredKeyCanBeClaimedAgainForAnyRequest() {
        claimAndComplete(alice, "fp", now);
        Instant dayLater = now.plus(Duration.ofHours(25));

        assertThat(claim(alice, "other-fp", dayLater)).isInstanceOf(Claim.Claimed.class);
        assertThat(claim(alice, "fp", dayLater.plusSeconds(1)))
                .as("the new claim replaced the old entry").isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void purgingForgetsKeysCreatedBeforeTheCutoffOnly() {
        String oldKey = key;
        claimAndComplete(alice, "fp", now);
        String newKey = UUID.randomUUID().toString();
        key = newKey;
        claimAndComplete(alice, "fp", now.plus(Duration.ofHours(2)));

        int purged = transactions().inTransaction(() ->
                idempotencyStore().purgeCreatedBefore(now.plus(Duration.ofHours(1))));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        Instant later = now.plus(Duration.ofHours(3));
        key = oldKey;
        assertThat(claim(alice, "other-fp", later)).as("purged").isInstanceOf(Claim.Claimed.class);
        key = newKey;
        assertThat(claim(alice, "other-fp", later)).as("kept").isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aClaimRolledBackWithItsUnitOfWorkFreesTheKey() {
        assumeTrue(undoesFailedUnitsOfWork(), "the adapter does not roll back a failed unit of work");
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            idempotencyStore().claim(alice.id(), key, "fp", now);
            throw new IllegalStateException("the booking could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(claim(alice, "other-fp", now)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void ofConcurrentClaimsOfOneKeyExactlyOneIsClaimed() throws InterruptedException {
        List<Callable<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(() -> claim(alice, "fp", now));
        }

        List<Claim> results = race(claims);

        assertThat(results).filteredOn(c -> c instanceof Claim.Claimed).hasSize(1);
        assertThat(results).filteredOn(c -> !(c instanceof Claim.Claimed))
                .allMatch(c -> c instanceof Claim.InProgress);
    }
}
