package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.bookingservice.adapters.web.security.BoundedHashing;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.adapters.web.security.PasswordChangeSettings;
import io.bookingservice.adapters.web.security.ThrottleStores;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.domain.user.PasswordHash;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9 §2: one requester must not starve everybody's logins through
 * {@code PUT /users/me/password}, and {@code /token} is never throttled per username alone.
 * The hasher sits behind a real {@link BoundedHashing} gate of 2 permits and 8 places in line,
 * and a wrong current password blocks inside the gate until the test lets it go.
 */
class PasswordChangeThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String HONEST = "192.0.2.10";
    private static final int PERMITS = 2;

    private final CountDownLatch release = new CountDownLatch(1);
    private final BoundedHashing gate = new BoundedHashing(PERMITS, 4 * PERMITS, Duration.ofSeconds(1));
    private final ExecutorService flood = Executors.newFixedThreadPool(40);
    private WebFixture web;

    /** {@link FakePasswordHasher} behind the gate; verifying a "wrong-…" password holds its permit until released. */
    private final class GatedHasher extends FakePasswordHasher {
        @Override
        public PasswordHash hash(String rawPassword) {
            return gate.run(() -> super.hash(rawPassword));
        }

        @Override
        public boolean verify(String rawPassword, PasswordHash hash) {
            return gate.run(() -> {
                if (rawPassword.startsWith("wrong-")) {
                    awaitRelease();
                }
                return super.verify(rawPassword, hash);
            });
        }
    }

    private void awaitRelease() {
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the hashing gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        flood.shutdownNow();
        assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        if (web != null) {
            web.close();
        }
    }

    private WebFixture fixture(LoginThrottle throttle) {
        web = new WebFixture(WebSettings.defaults(), new GatedHasher(), throttle).seededLikeTheLegacyDatabase();
        return web;
    }

    private static LoginThrottle inMemoryThrottle() {
        return new LoginThrottle(LoginThrottleSettings.DEFAULT, PasswordChangeSettings.defaults(PERMITS),
                ThrottleStores.inMemory(10_000, TimeMeter.SYSTEM_MILLISECONDS), TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Test
    void fortyParallelWrongPasswordChangesByOneRequesterLeaveLoginsFromElsewhereWorking() throws Exception {
        fixture(inMemoryThrottle());
        String requester = web.bearer("speaker.office");
        List<Future<MockHttpServletResponse>> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            changes.add(flood.submit(() -> perform(put("/users/me/password").header("Authorization", requester)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"current_password\": \"wrong-guess\", \"new_password\": \"a-much-better-one\"}")
                    .with(from(ATTACKER)))));
        }
        // Every change has either been answered or holds a place at the gate (running or queued).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (changes.stream().filter(Future::isDone).count() + gate.inFlight() < changes.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        MockHttpServletResponse login = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "admin").param("password", WebFixture.ADMIN_PASSWORD).with(from(HONEST)));

        assertThat(login.getStatus()).as("an honest login from elsewhere during the flood").isEqualTo(200);
        assertThat(gate.inFlight()).as("the requester's share of the gate").isLessThanOrEqualTo(PERMITS / 2);
        release.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<MockHttpServletResponse> change : changes) {
            MockHttpServletResponse response = change.get(30, TimeUnit.SECONDS);
            statuses.add(response.getStatus());
            if (response.getStatus() == 429) {
                assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
                assertThat(JsonMapper.builder().build().readTree(response.getContentAsString()).get("detail").stringValue())
                        .isEqualTo("Too many password change attempts; try again later");
            }
        }
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(39);
        assertThat(statuses).filteredOn(status -> status != 429).singleElement()
                .as("the one admitted change, with its wrong current password").isEqualTo(400);
    }

    @Test
    void aThousandFailedLoginsAtAdminFromOneAddressNeverRefuseAdminFromAnother() throws Exception {
        fixture(inMemoryThrottle());
        release.countDown();
        for (int i = 0; i < 1000; i++) {
            int status = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("username", "admin").param("password", "nope-" + i).with(from(ATTACKER))).getStatus();
            assertThat(status).as("attempt %d", i + 1).isIn(401, 429);
        }

        MockHttpServletResponse login = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "admin").param("password", WebFixture.ADMIN_PASSWORD).with(from(HONEST)));

        assertThat(login.getStatus()).isEqualTo(200);
    }

    @Test
    void anUnreachableThrottleStoreRefusesLoginsWith503AndRetryAfter() throws Exception {
        fixture(new LoginThrottle(LoginThrottleSettings.DEFAULT, PasswordChangeSettings.defaults(PERMITS),
                new UnreachableStore(), TimeMeter.SYSTEM_MILLISECONDS));

        MockHttpServletResponse login = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "admin").param("password", WebFixture.ADMIN_PASSWORD).with(from(HONEST)));

        assertThat(login.getStatus()).isEqualTo(503);
        assertThat(login.getHeader("Retry-After")).isEqualTo("5");
        assertThat(login.getContentAsString()).doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void behindATrustedProxyEachClientKeepsItsOwnShareOfPasswordChanges() throws Exception {
        fixture(inMemoryThrottle()).withOtherRequester();
        String requester = web.bearer("speaker.office");
        Future<MockHttpServletResponse> held = flood.submit(() -> perform(put("/users/me/password")
                .header("Authorization", requester).contentType(MediaType.APPLICATION_JSON)
                .content("{\"current_password\": \"wrong-guess\", \"new_password\": \"a-much-better-one\"}")
                .with(viaProxy(ATTACKER))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gate.inFlight() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gate.inFlight()).as("the first client's change holds its address's one place").isEqualTo(1);

        // Another client behind the same proxy: its own address, so its own place.
        MockHttpServletResponse other = perform(put("/users/me/password")
                .header("Authorization", web.bearer("other.requester")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"current_password\": \"" + WebFixture.OTHER_PASSWORD + "\", \"new_password\": \"a-much-better-one\"}")
                .with(viaProxy(HONEST)));

        assertThat(other.getStatus()).as("a change by another client behind the same proxy").isEqualTo(204);
        release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(400);
    }

    private static RequestPostProcessor viaProxy(String client) {
        return request -> {
            request.setRemoteAddr("10.0.0.2");
            request.addHeader("X-Forwarded-For", client);
            return request;
        };
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return web.mvc.perform(request).andReturn().getResponse();
    }

    /** A store whose every call fails the way Bucket4j reports a dead database. */
    private static final class UnreachableStore implements ProxyManager<String> {
        @Override
        public RemoteBucketBuilder<String> builder() {
            throw BucketExceptions.executionException(new SQLException("Connection refused", "08001"));
        }

        @Override
        public Optional<BucketConfiguration> getProxyConfiguration(String key) {
            throw BucketExceptions.executionException(new SQLException("Connection refused", "08001"));
        }

        @Override
        public void removeProxy(String key) {
            throw BucketExceptions.executionException(new SQLException("Connection refused", "08001"));
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }

        @Override
        public AsyncProxyManager<String> asAsync() {
            throw new UnsupportedOperationException();
        }
    }
}
