package io.bookingservice.application.service;

import static io.bookingservice.application.service.BookingServiceTest.NOW;
import static io.bookingservice.application.service.BookingServiceTest.TEN_AM;
import static io.bookingservice.application.service.BookingServiceTest.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.error.IdempotencyKeyInProgressException;
import io.bookingservice.application.error.IdempotencyKeyReusedException;
import io.bookingservice.application.model.IdempotencyRequest;
import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.application.testing.FakeIdempotencyStore;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.application.testing.Users;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdempotentSubmitTest {

    private final TestClock clock = new TestClock(NOW);
    private final FakeBookingRepository bookings = new FakeBookingRepository();
    private final FakeIdempotencyStore keys = new FakeIdempotencyStore();
    private final SerialTransactions transactions = new SerialTransactions();
    private final BookingService service = new BookingService(bookings, keys, transactions, clock);

    private final User alice = Users.requester("alice");
    private final User bob = Users.requester("bob");

    private static final Function<Booking, StoredResponse> RENDER =
            booking -> new StoredResponse(201, "{\"id\":" + booking.id() + "}");

    @Test
    void theFirstRequestCreatesTheBookingAndStoresItsResponse() {
        StoredResponse response = service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"),
                RENDER);

        assertThat(bookings.size()).isEqualTo(1);
        assertThat(response).isEqualTo(new StoredResponse(201, "{\"id\":1}"));
        assertThat(transactions.count()).as("key and booking commit together").isEqualTo(1);
    }

    @Test
    void aRepeatGetsTheStoredResponseAndCreatesNothing() {
        StoredResponse first = service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"),
                RENDER);

        StoredResponse second = service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"),
                booking -> new StoredResponse(500, "must not be rendered"));

        assertThat(second).isEqualTo(first);
        assertThat(bookings.size()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"), RENDER);

        assertThatThrownBy(() -> service.submitOnce(aRequest(TEN_AM.plusSeconds(60)), alice,
                new IdempotencyRequest("k1", "other-fp"), RENDER))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(bookings.size()).isEqualTo(1);
    }

    @Test
    void aKeyStillInProgressIsAConflict() {
        // The first request claimed the key but has not completed (e.g. it is still running elsewhere).
        keys.claim(alice.id(), "k1", "fp", NOW);

        assertThatThrownBy(() -> service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"),
                RENDER)).isInstanceOf(IdempotencyKeyInProgressException.class);
        assertThat(bookings.size()).isZero();
    }

    @Test
    void keysAreScopedPerUser() {
        service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"), RENDER);

        StoredResponse bobs = service.submitOnce(aRequest(TEN_AM), bob, new IdempotencyRequest("k1", "fp"), RENDER);

        assertThat(bobs.body()).isEqualTo("{\"id\":2}");
        assertThat(bookings.size()).isEqualTo(2);
    }

    @Test
    void aRetryAfterTheEventTimeSlippedIntoThePastStillGetsTheStoredAnswer() {
        Instant soon = NOW.plus(Duration.ofMinutes(30));
        StoredResponse first = service.submitOnce(aRequest(soon), alice, new IdempotencyRequest("k1", "fp"), RENDER);
        // The answer was lost; the client retries when the event time is well past, within the key's 24 h.
        clock.advance(Duration.ofHours(3));

        StoredResponse retry = service.submitOnce(aRequest(soon), alice, new IdempotencyRequest("k1", "fp"), RENDER);

        assertThat(retry).isEqualTo(first);
        assertThat(bookings.size()).isEqualTo(1);
    }

    @Test
    void aKeyExpiresAfterTwentyFourHours() {
        service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"), RENDER);
        clock.advance(Duration.ofHours(24).plusMinutes(1));

        StoredResponse later = service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"),
                RENDER);

        assertThat(later.body()).isEqualTo("{\"id\":2}");
        assertThat(bookings.size()).isEqualTo(2);
    }

    @Test
    void aKeyIsRememberedJustBeforeItExpires() {
        service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"), RENDER);
        clock.advance(Duration.ofHours(23).plusMinutes(59));

        service.submitOnce(aRequest(TEN_AM), alice, new IdempotencyRequest("k1", "fp"), RENDER);

        assertThat(bookings.size()).isEqualTo(1);
    }
}
