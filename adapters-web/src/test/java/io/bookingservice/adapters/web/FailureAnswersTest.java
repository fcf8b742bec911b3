package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.bookingservice.application.error.ConcurrentUpdateException;
import io.bookingservice.application.error.StorageUnavailableException;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What clients see when the storage fails: a problem with a status they can act on, no internals. */
class FailureAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Fails every listing query after {@code goodQueries} successful ones. */
    private static final class FailingRepository extends FakeBookingRepository {

        private final AtomicInteger goodQueries;
        private final RuntimeException failure;

        FailingRepository(int goodQueries, RuntimeException failure) {
            this.goodQueries = new AtomicInteger(goodQueries);
            this.failure = failure;
        }

        @Override
        public synchronized List<Booking> list(BookingQuery query, BookingId after, int limit) {
            if (goodQueries.getAndDecrement() <= 0) {
                throw failure;
            }
            return super.list(query, after, limit);
        }

        @Override
        public synchronized Booking update(Booking booking) {
            throw new ConcurrentUpdateException("Booking request with ID " + booking.id() + " was changed meanwhile");
        }
    }

    private static final RuntimeException DATABASE_DOWN = new StorageUnavailableException(
            "connection refused to db.internal:5432 as booking_app",
            new SQLException("FATAL: password authentication failed for user \"booking_app\""));

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterAndNoInternals() throws Exception {
        try (WebFixture web = new WebFixture(WebSettings.defaults(), new FailingRepository(0, DATABASE_DOWN))
                .seededLikeTheLegacyDatabase()) {
            MockHttpServletResponse response = web.mvc.perform(get("/booking/")
                    .header("Authorization", web.bearer("admin"))).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).doesNotContain("db.internal").doesNotContain("booking_app")
                    .doesNotContain("SQL");
        }
    }

    @Test
    void aConcurrentChangeIsAConflict() throws Exception {
        try (WebFixture web = new WebFixture(WebSettings.defaults(), new FailingRepository(0, DATABASE_DOWN))
                .seededLikeTheLegacyDatabase()) {
            MockHttpServletResponse response = web.mvc.perform(post("/booking/4/accept")
                    .header("Authorization", web.bearer("admin"))).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(409);
            JsonNode problem = JSON.readTree(response.getContentAsString());
            assertThat(problem.get("detail").stringValue()).contains("ID 4");
        }
    }

    @Test
    void anUnexpectedFailureIsABare500() throws Exception {
        RuntimeException bug = new IllegalStateException("secret internal state: token=abc");
        try (WebFixture web = new WebFixture(WebSettings.defaults(), new FailingRepository(0, bug))
                .seededLikeTheLegacyDatabase()) {
            MockHttpServletResponse response = web.mvc.perform(get("/booking/?limit=5")
                    .header("Authorization", web.bearer("admin"))).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(JSON.readTree(response.getContentAsString()).get("detail").stringValue())
                    .isEqualTo("Internal Server Error");
            assertThat(response.getContentAsString()).doesNotContain("secret").doesNotContain("IllegalState");
        }
    }

    @Test
    void theLogLineOfAFailureCarriesTheRequestId() throws Exception {
        Logger handlerLog = (Logger) LoggerFactory.getLogger("io.bookingservice.adapters.web.error.ApiExceptionHandler");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        handlerLog.addAppender(captured);
        try (WebFixture web = new WebFixture(WebSettings.defaults(), new FailingRepository(0, new IllegalStateException("bug")))
                .seededLikeTheLegacyDatabase()) {
            web.mvc.perform(get("/booking/?limit=5").header("Authorization", web.bearer("admin"))
                    .header("X-Request-Id", "trace-42"));
        } finally {
            handlerLog.detachAppender(captured);
        }
        assertThat(captured.list).singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "trace-42"));
    }

    @Test
    void aFailureInTheMiddleOfAStreamedListingNeverLooksLikeAWholeList() throws Exception {
        // The first batch went out (status 200 committed); the second query fails. The status can no
        // longer change, so the response must be cut off rather than closed as valid JSON.
        try (WebFixture web = new WebFixture(WebSettings.defaults(), new FailingRepository(1, DATABASE_DOWN))
                .seededLikeTheLegacyDatabase()) {
            for (int i = 0; i < 600; i++) {
                web.submittedBy("speaker.office", "2031-06-01T10:00:00Z");
            }
            MockHttpServletResponse[] response = new MockHttpServletResponse[1];
            assertThatThrownBy(() -> response[0] = web.mvc.perform(get("/booking/")
                    .header("Authorization", web.bearer("admin"))).andReturn().getResponse())
                    .hasRootCauseInstanceOf(SQLException.class);
            assertThat(response[0]).isNull();
        }
    }
}
