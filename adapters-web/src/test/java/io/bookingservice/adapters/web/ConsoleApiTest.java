package io.bookingservice.adapters.web;

import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the web console needed from the API, added for every client: audit members, overlaps, event-time order. */
class ConsoleApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase().withOtherRequester();

    @AfterEach
    void close() {
        web.close();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, int expectedStatus) throws Exception {
        MockHttpServletResponse response = web.mvc.perform(request.header("Authorization", web.bearer(user)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return JSON.readTree(response.getContentAsString());
    }

    @Test
    void aBookingNamesWhoSubmittedAndWhoDecidedAndWhen() throws Exception {
        Booking submitted = web.submittedBy("speaker.office", "2031-06-01T10:00:00Z");
        JsonNode pending = call(get("/booking/" + submitted.id()), "speaker.office", 200);
        assertThat(pending.get("submitted_by").stringValue()).isEqualTo("speaker.office");
        assertThat(pending.get("decided_by").isNull()).isTrue();
        assertThat(pending.get("decided_at").isNull()).isTrue();
        assertThat(pending.get("updated_at").stringValue()).isEqualTo("2024-10-01T08:00:00Z");

        web.clock.advance(Duration.ofMinutes(5));
        JsonNode accepted = call(post("/booking/" + submitted.id() + "/accept"), "admin", 200);
        assertThat(accepted.get("decided_by").stringValue()).isEqualTo("admin");
        assertThat(accepted.get("decided_at").stringValue()).isEqualTo("2024-10-01T08:05:00Z");
        assertThat(accepted.get("updated_at").stringValue()).isEqualTo("2024-10-01T08:05:00Z");

        JsonNode seenByOwner = call(get("/booking/" + submitted.id()), "speaker.office", 200);
        assertThat(seenByOwner.get("decided_by").stringValue()).isEqualTo("admin");
        JsonNode listed = call(get("/booking").param("limit", "10"), "admin", 200).get("bookings");
        assertThat(listed.get(listed.size() - 1).get("submitted_by").stringValue()).isEqualTo("speaker.office");
        assertThat(listed.get(0).get("submitted_by").isNull()).as("legacy rows have no known submitter").isTrue();
    }

    @Test
    void overlapsNamesTheAcceptedBookingsInTheWayAndOnlyAdminsMayAsk() throws Exception {
        Booking clash = web.submittedBy("speaker.office", "2031-06-01T10:00:00Z");
        Booking accepted = web.submittedBy("other.requester", "2031-06-01T10:30:00Z");
        Booking backToBack = web.submittedBy("other.requester", "2031-06-01T11:15:00Z");
        call(post("/booking/" + accepted.id() + "/accept"), "admin", 200);

        JsonNode overlaps = call(get("/booking/" + clash.id() + "/overlaps"), "admin", 200);
        assertThat(ids(overlaps.get("bookings"))).containsExactly(accepted.id().value());
        assertThat(overlaps.get("bookings").get(0).get("submitted_by").stringValue()).isEqualTo("other.requester");
        assertThat(ids(call(get("/booking/" + accepted.id() + "/overlaps/"), "admin", 200).get("bookings")))
                .as("a booking does not overlap itself; half-open slots").isEmpty();
        assertThat(ids(call(get("/booking/" + backToBack.id() + "/overlaps"), "admin", 200).get("bookings")))
                .as("starts when the accepted 10:30 + 45 min ends").isEmpty();
        assertThat(ids(call(get("/booking/1/overlaps"), "admin", 200).get("bookings")))
                .as("grandfathered legacy overlaps are reported too").containsExactly(2L);

        assertThat(call(get("/booking/" + clash.id() + "/overlaps"), "speaker.office", 403).get("detail").stringValue())
                .isEqualTo("Not enough permissions");
        assertThat(call(get("/booking/999/overlaps"), "admin", 404).get("detail").stringValue())
                .isEqualTo("Booking request with ID 999 not found.");
        assertThat(call(get("/booking/0/overlaps"), "admin", 422).get("detail").get(0).get("loc").toString())
                .isEqualTo("[\"path\",\"id\"]");
    }

    @Test
    void orderByEventTimePagesSoonestFirstWithUntimedBookingsLast() throws Exception {
        web.submittedBy("speaker.office", "2031-06-01T10:00:00Z");
        web.submittedBy("speaker.office", "2030-01-01T10:00:00Z");
        web.submittedBy("speaker.office", "2030-01-01T10:00:00Z");
        web.bookings.put(aLegacyBooking().withId(20).withoutEventTime()
                .withAddress(new Address("Somewhere 1", "Oslo", null, "Norway")).lasting(30).withTopic("No time")
                .requestedBy("n@example.org").build());
        web.bookings.put(aLegacyBooking().withId(21).withoutEventTime()
                .withAddress(new Address("Somewhere 2", "Oslo", null, "Norway")).lasting(30)
                .withTopic("No time either").requestedBy("n@example.org").build());

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get("/booking").param("order", "event_time").param("limit", "3");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = call(request, "admin", 200);
            seen.addAll(ids(page.get("bookings")));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").stringValue();
            pages++;
        } while (cursor != null);

        // Legacy 1 and 2 (2024-11-05 14:00, 14:30), 3 (12-01), 4 (2025-01-15), 5 (02-20), then 7 and 8
        // (same time, by id), 6 (2031), then the untimed ones by id.
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L, 6L, 20L, 21L);
        assertThat(pages).isEqualTo(4);
        JsonNode streamed = call(get("/booking").param("order", "event_time"), "admin", 200);
        assertThat(ids(streamed.get("bookings"))).isEqualTo(seen);

        JsonNode pending = call(get("/booking").param("order", "event_time").param("status", "pending")
                .param("from", "2030-01-01T00:00:00Z"), "speaker.office", 200);
        assertThat(ids(pending.get("bookings"))).as("a requester's own, filtered").containsExactly(7L, 8L, 6L);
    }

    @Test
    void aCursorOnlyWorksWithTheOrderItWasIssuedForAndUnknownOrdersAreRefused() throws Exception {
        String byTime = call(get("/booking").param("order", "event_time").param("limit", "1"), "admin", 200)
                .get("next_cursor").stringValue();
        String byId = call(get("/booking").param("limit", "1"), "admin", 200).get("next_cursor").stringValue();

        assertThat(call(get("/booking").param("cursor", byTime), "admin", 422).get("detail").get(0).get("msg")
                .stringValue()).isEqualTo("Value error, not a cursor returned by this service");
        assertThat(call(get("/booking").param("order", "event_time").param("cursor", byId), "admin", 422)
                .get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
        JsonNode bogus = call(get("/booking").param("order", "topic"), "admin", 422).get("detail").get(0);
        assertThat(bogus.get("loc").toString()).isEqualTo("[\"query\",\"order\"]");
        assertThat(bogus.get("msg").stringValue()).isEqualTo("Input should be 'id' or 'event_time'");
        assertThat(ids(call(get("/booking").param("order", "event_time").param("cursor", byTime), "admin", 200)
                .get("bookings"))).as("resumes after the first").startsWith(2L);
    }

    private static List<Long> ids(JsonNode bookings) {
        List<Long> ids = new ArrayList<>();
        bookings.forEach(b -> ids.add(b.get("id").longValue()));
        return ids;
    }
}
