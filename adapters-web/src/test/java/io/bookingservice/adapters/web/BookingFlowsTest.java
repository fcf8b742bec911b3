package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.port.out.SchemaStatus;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Python service's flows with its JSON shapes, and what requesters and admins can do now. */
class BookingFlowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOOKING = """
            {"event_time": "2031-06-01T10:00:00", "address": {"street": "221B Baker Street", "city": "London",
             "state": null, "country": "Great Britain"}, "topic": " Forecasting ", "duration_minutes": 45,
             "requested_by": "bookings@example.org", "some_unknown_member": true}""";

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase().withOtherRequester();

    @AfterEach
    void close() {
        web.close();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        MockHttpServletResponse response = web.mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        String body = response.getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private String login(String username, String password) throws Exception {
        JsonNode token = call(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username).param("password", password).param("grant_type", "password"), 200);
        assertThat(token.get("token_type").stringValue()).isEqualTo("bearer");
        return "Bearer " + token.get("access_token").stringValue();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String auth, String body) {
        return request.header("Authorization", auth).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void submitListAcceptRejectAndDeleteAsThePythonServiceDid() throws Exception {
        String requester = login("speaker.office", WebFixture.REQUESTER_PASSWORD);
        String admin = login("admin", WebFixture.ADMIN_PASSWORD);

        JsonNode first = call(json(post("/booking/"), requester, BOOKING), 201);
        assertThat(first.get("id").longValue()).isEqualTo(6);
        assertThat(first.get("event_time").stringValue()).isEqualTo("2031-06-01T10:00:00Z");
        assertThat(first.get("address").get("country").stringValue()).isEqualTo("United Kingdom");
        assertThat(first.get("topic").stringValue()).isEqualTo("Forecasting");
        assertThat(first.get("status").stringValue()).isEqualTo("pending");
        JsonNode second = call(json(post("/booking"), requester, BOOKING.replace("2031-06-01T10:00", "2031-06-01T10:30")),
                201);

        JsonNode all = call(get("/booking/").header("Authorization", admin), 200);
        assertThat(ids(all.get("bookings"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(all.propertyNames()).containsExactly("bookings");

        assertThat(call(json(post("/booking/accept/"), admin, "{\"id\": 6}"), 200).get("status").stringValue())
                .isEqualTo("accepted");
        JsonNode overlap = call(json(post("/booking/accept/"), admin, "{\"id\": " + second.get("id") + "}"), 409);
        assertThat(overlap.get("detail").stringValue()).contains("overlaps accepted booking request with ID 6");
        assertThat(call(json(post("/booking/reject/"), admin, "{\"id\": 7}"), 200).get("status").stringValue())
                .isEqualTo("rejected");
        JsonNode badTransition = call(json(post("/booking/accept/"), admin, "{\"id\": 7}"), 409);
        assertThat(badTransition.get("detail").stringValue()).contains("ID 7").contains("rejected");

        JsonNode deleted = call(delete("/booking/6/").header("Authorization", admin), 200);
        assertThat(deleted.get("id").longValue()).isEqualTo(6);
        assertThat(deleted.get("status").stringValue()).isEqualTo("accepted");
        assertThat(call(get("/booking/6/").header("Authorization", admin), 404).get("detail").stringValue())
                .isEqualTo("Booking request with ID 6 not found.");
    }

    @Test
    void requestersSeeCancelAndCorrectOnlyTheirOwnBookings() throws Exception {
        String owner = login("speaker.office", WebFixture.REQUESTER_PASSWORD);
        String other = login("other.requester", WebFixture.OTHER_PASSWORD);
        long id = call(json(post("/booking/"), owner, BOOKING), 201).get("id").longValue();
        call(json(post("/booking/"), other, BOOKING), 201);

        assertThat(ids(call(get("/booking/").header("Authorization", owner), 200).get("bookings"))).containsExactly(id);
        call(get("/booking/" + id).header("Authorization", other), 404);

        JsonNode corrected = call(json(patch("/booking/" + id + "/"), owner,
                "{\"event_time\": \"2031-07-01T09:00:00+02:00\", \"duration_minutes\": 90}"), 200);
        assertThat(corrected.get("event_time").stringValue()).isEqualTo("2031-07-01T07:00:00Z");
        assertThat(corrected.get("duration_minutes").intValue()).isEqualTo(90);
        assertThat(corrected.get("topic").stringValue()).isEqualTo("Forecasting");

        call(post("/booking/" + id + "/cancel").header("Authorization", other), 404);
        assertThat(call(post("/booking/" + id + "/cancel").header("Authorization", owner), 200)
                .get("status").stringValue()).isEqualTo("cancelled");
        call(json(patch("/booking/" + id), owner, "{\"topic\": \"Too late\"}"), 409);
    }

    @Test
    void pagesFollowTheCursorAndFiltersNarrowTheListing() throws Exception {
        String admin = web.bearer("admin");
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get("/booking/").param("limit", "2").header("Authorization", admin);
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = call(request, 200);
            seen.addAll(ids(page.get("bookings")));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").stringValue();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(pages).isEqualTo(3);

        JsonNode accepted = call(get("/booking/?status=accepted&status=rejected").header("Authorization", admin), 200);
        assertThat(ids(accepted.get("bookings"))).containsExactly(1L, 2L, 3L);
        JsonNode november = call(get("/booking/").param("from", "2024-11-01T00:00:00Z").param("to", "2024-12-01T09:00:00Z")
                .header("Authorization", admin), 200);
        assertThat(ids(november.get("bookings"))).containsExactly(1L, 2L);
    }

    @Test
    void aListingLongerThanOneBatchIsStreamedWholeInShortQueries() throws Exception {
        List<Integer> queryLimits = new ArrayList<>();
        FakeBookingRepository counting = new FakeBookingRepository() {
            @Override
            public synchronized List<Booking> list(BookingQuery query, BookingId after, int limit) {
                queryLimits.add(limit);
                return super.list(query, after, limit);
            }
        };
        try (WebFixture big = new WebFixture(WebSettings.defaults(), counting).seededLikeTheLegacyDatabase()) {
            // 1207 rows: two full batches of 500 and a partial one, so the end is found without an extra query.
            for (int i = 0; i < 1202; i++) {
                big.submittedBy("speaker.office", "2031-06-01T10:00:00Z");
            }
            MockHttpServletResponse response = big.mvc.perform(get("/booking/")
                    .header("Authorization", big.bearer("admin"))).andReturn().getResponse();
            List<Long> ids = ids(JSON.readTree(response.getContentAsString()).get("bookings"));
            assertThat(ids).hasSize(1207).isSorted().doesNotHaveDuplicates();
            assertThat(queryLimits).containsExactly(500, 500, 500);
        }
    }

    @Test
    void aPageOfUpToAHundredGoesOutWithItsLengthALargerOneStreamsTheSameJson() throws Exception {
        try (WebFixture big = new WebFixture().seededLikeTheLegacyDatabase()) {
            for (int i = 0; i < 150; i++) {
                big.submittedBy("speaker.office", "2031-06-01T10:00:00Z");
            }
            MockHttpServletResponse small = big.mvc.perform(get("/booking/").param("limit", "100")
                    .header("Authorization", big.bearer("admin"))).andReturn().getResponse();
            MockHttpServletResponse large = big.mvc.perform(get("/booking/").param("limit", "101")
                    .header("Authorization", big.bearer("admin"))).andReturn().getResponse();
            assertThat(small.getStatus()).isEqualTo(200);
            assertThat(small.getContentLength()).isEqualTo(small.getContentAsByteArray().length);
            assertThat(large.getStatus()).isEqualTo(200);
            assertThat(large.getContentLength()).isZero();
            JsonNode first = JSON.readTree(small.getContentAsString());
            JsonNode bigger = JSON.readTree(large.getContentAsString());
            assertThat(ids(first.get("bookings"))).hasSize(100).isSorted();
            assertThat(ids(bigger.get("bookings"))).hasSize(101).startsWith(ids(first.get("bookings")).toArray(Long[]::new));
            assertThat(first.get("bookings").get(7)).isEqualTo(bigger.get("bookings").get(7));
            assertThat(first.get("next_cursor").isString()).isTrue();
            assertThat(first.propertyNames()).containsExactly("bookings", "next_cursor");
            assertThat(bigger.propertyNames()).containsExactly("bookings", "next_cursor");
        }
    }

    @Test
    void anEmptyListingIsStillTheLegacyShape() throws Exception {
        JsonNode none = call(get("/booking/").header("Authorization", web.bearer("other.requester")), 200);
        assertThat(none.toString()).isEqualTo("{\"bookings\":[]}");
    }

    @Test
    void pingAndReadinessFollowTheSchema() throws Exception {
        assertThat(call(get("/ping/"), 200).toString()).isEqualTo("{\"message\":\"ok\"}");
        web.schema.set(SchemaStatus.State.OUTDATED);
        assertThat(call(get("/ping/"), 400).toString()).isEqualTo("{\"message\":\"Database is not up-to-date yet\"}");
        call(get("/health/ready"), 503);
        web.schema.set(SchemaStatus.State.UNREACHABLE);
        call(get("/health/ready"), 503);
        call(get("/health/live"), 200);
    }

    @Test
    void adminsManageAccounts() throws Exception {
        String admin = web.bearer("admin");
        JsonNode created = call(json(post("/users"), admin,
                "{\"username\": \"new.one\", \"password\": \"long-enough-1\", \"role\": \"requester\"}"), 201);
        assertThat(created.toString()).isEqualTo("{\"username\":\"new.one\",\"role\":\"requester\",\"disabled\":false}");
        call(json(post("/users"), admin, "{\"username\": \"new.one\", \"password\": \"long-enough-1\"}"), 409);
        call(json(patch("/users/new.one"), admin, "{\"role\": \"admin\"}"), 200);
        login("new.one", "long-enough-1");
        call(json(patch("/users/nobody"), admin, "{\"role\": \"admin\"}"), 404);
        JsonNode list = call(get("/users").header("Authorization", admin), 200);
        assertThat(list.get("users").findValuesAsString("username")).contains("admin", "new.one");
        assertThat(list.toString()).doesNotContain("fake$").doesNotContain("legacy$");
    }

    private static List<Long> ids(JsonNode bookings) {
        List<Long> ids = new ArrayList<>();
        bookings.forEach(b -> ids.add(b.get("id").longValue()));
        return ids;
    }
}
