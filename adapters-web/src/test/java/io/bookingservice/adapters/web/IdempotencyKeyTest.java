package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@code Idempotency-Key} on {@code POST /booking/}: one booking per key and request, per user. */
class IdempotencyKeyTest {

    private static final String BODY = """
            {"event_time": "2031-06-01T10:00:00Z", "address": {"street": "1 Main St", "city": "Oslo", "country": "NO"},
             "topic": "Forecasting", "duration_minutes": 45, "requested_by": "a@example.org"}""";
    /** The same request, members in another order and other whitespace: equal as parsed JSON. */
    private static final String SAME_BODY_REORDERED = """
            {"requested_by":"a@example.org","duration_minutes":45,"topic":"Forecasting",
             "address":{"country":"NO","city":"Oslo","street":"1 Main St"},"event_time":"2031-06-01T10:00:00Z"}""";

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase().withOtherRequester();

    @AfterEach
    void close() {
        web.close();
    }

    private MockHttpServletResponse submit(String user, String key, String body) throws Exception {
        return web.mvc.perform(post("/booking/").header("Authorization", web.bearer(user))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    @Test
    void aRepeatedRequestGetsTheStoredResponseAndCreatesNothing() throws Exception {
        MockHttpServletResponse first = submit("speaker.office", "key-1", BODY);
        MockHttpServletResponse again = submit("speaker.office", "key-1", SAME_BODY_REORDERED);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location")).isEqualTo("/booking/6");
        assertThat(web.bookings.size()).isEqualTo(6);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() throws Exception {
        submit("speaker.office", "key-1", BODY);
        MockHttpServletResponse other = submit("speaker.office", "key-1", BODY.replace("Forecasting", "Other"));

        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        assertThat(other.getContentAsString()).contains("already used for a different request");
        assertThat(web.bookings.size()).isEqualTo(6);
    }

    @Test
    void keysAreScopedPerUser() throws Exception {
        assertThat(submit("speaker.office", "shared-key", BODY).getStatus()).isEqualTo(201);
        MockHttpServletResponse other = submit("other.requester", "shared-key", BODY);

        assertThat(other.getStatus()).isEqualTo(201);
        assertThat(other.getHeader("Location")).isEqualTo("/booking/7");
        assertThat(web.bookings.size()).isEqualTo(7);
    }

    @Test
    void twentyConcurrentRepeatsCreateOneBooking() throws Exception {
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return submit("speaker.office", "burst", BODY);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get();
                assertThat(response.getStatus()).isEqualTo(201);
                bodies.add(response.getContentAsString());
            }
            assertThat(bodies).hasSize(clients).allMatch(body -> body.equals(bodies.get(0)));
            assertThat(web.bookings.size()).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOverlongKeyIsAValidationErrorOfTheHeader() throws Exception {
        MockHttpServletResponse response = submit("speaker.office", "k".repeat(256), BODY);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("[\"header\",\"idempotency-key\"]");
        assertThat(web.bookings.size()).isEqualTo(5);
    }
}
