package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.bookingservice.adapters.web.json.DateTimes;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the 27 requests recorded against the Python service (in order, on one state seeded
 * like the recording's database) and expects the same status and the same {@code detail}, except
 * for the documented deviations, which are asserted as what they now are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyExchangesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long LAST_LEGACY_ID = 5;

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase();

    static Stream<JsonNode> exchanges() throws Exception {
        try (InputStream in = LegacyExchangesTest.class.getResourceAsStream("/legacy-http/exchanges.json")) {
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(in).forEach(all::add);
            assertThat(all).hasSize(27);
            return all.stream();
        }
    }

    @AfterAll
    void close() {
        web.close();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("exchanges")
    void answersAsThePythonServiceDid(JsonNode exchange) throws Exception {
        String name = exchange.get("name").stringValue();
        JsonNode recorded = exchange.get("response");
        MockHttpServletResponse response = web.mvc.perform(requestFor(name, exchange.get("request")))
                .andReturn().getResponse();
        int status = response.getStatus();
        JsonNode body = response.getContentLength() == 0 && response.getContentAsString().isEmpty()
                ? null : JSON.readTree(response.getContentAsString());

        switch (name) {
            case "token: disabled user (the Python service still issues a token)" -> {
                // Deviation: a disabled account gets no token, with the same answer as a wrong password.
                assertThat(status).isEqualTo(401);
                assertThat(body.get("detail").stringValue()).isEqualTo("Incorrect username or password");
                assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
            }
            case "submit: disabled user" -> {
                // Deviation: 403 instead of the Python service's 400.
                assertThat(status).isEqualTo(403);
                assertThat(body.get("detail").stringValue()).isEqualTo("Inactive user");
            }
            case "list: requester (forbidden in the Python service)" -> {
                // Deviation: requesters list their own bookings: the two this requester submitted above.
                assertThat(status).isEqualTo(200);
                assertThat(ids(body.get("bookings"))).containsExactly(6L, 7L);
            }
            case "no trailing slash (FastAPI redirects)" -> {
                // Deviation: served directly instead of a 307 to the slashed path.
                assertThat(status).isEqualTo(200);
                assertThat(body.get("bookings").isArray()).isTrue();
            }
            case "list: admin" -> {
                assertThat(status).isEqualTo(200);
                // Deviation: ascending id order (the Python service returned the table's order).
                List<JsonNode> expected = new ArrayList<>();
                recorded.get("body").get("bookings").forEach(expected::add);
                expected.sort((a, b) -> Long.compare(a.get("id").longValue(), b.get("id").longValue()));
                List<JsonNode> actual = new ArrayList<>();
                body.get("bookings").forEach(actual::add);
                assertThat(actual).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertSameBooking(actual.get(i), expected.get(i), false);
                }
            }
            default -> assertSameAnswer(name, recorded, status, body, response);
        }
    }

    private void assertSameAnswer(String name, JsonNode recorded, int status, JsonNode body,
                                  MockHttpServletResponse response) {
        assertThat(status).as(name).isEqualTo(recorded.get("status").intValue());
        JsonNode expected = recorded.get("body");
        if (recorded.get("headers").has("www-authenticate")) {
            assertThat(response.getHeader("WWW-Authenticate")).as(name).startsWith("Bearer");
        }
        if (status >= 400) {
            assertThat(response.getContentType()).as(name).startsWith("application/problem+json");
            assertThat(body.get("status").intValue()).isEqualTo(status);
            assertThat(body.get("title").isString()).isTrue();
            assertThat(body.get("type").isString()).isTrue();
            assertThat(body.get("instance").isString()).isTrue();
            JsonNode detail = expected.get("detail");
            if (detail.isString()) {
                assertThat(body.get("detail").stringValue()).as(name).isEqualTo(detail.stringValue());
            } else {
                assertThat(essentials(body.get("detail"))).as(name).isEqualTo(essentials(detail));
            }
            return;
        }
        if (expected.has("access_token")) {
            assertThat(body.get("access_token").stringValue()).isNotBlank();
            assertThat(body.get("token_type").stringValue()).isEqualTo("bearer");
            assertThat(body.get("expires_in").longValue()).isEqualTo(1800);
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
            return;
        }
        if (expected.has("event_time")) {
            // Deviation on submit: the real id instead of null.
            assertSameBooking(body, expected, expected.get("id").isNull());
            if (status == 201) {
                assertThat(response.getHeader("Location")).isEqualTo("/booking/" + body.get("id").longValue());
            }
            return;
        }
        assertThat(body).as(name).isEqualTo(expected);
    }

    /** Same booking, with timestamps compared as instants (naive recorded times are UTC). */
    private static void assertSameBooking(JsonNode actual, JsonNode expected, boolean newId) {
        ObjectNode want = (ObjectNode) expected.deepCopy();
        want.put("event_time", DateTimes.format(DateTimes.parse(expected.get("event_time").stringValue())));
        if (newId) {
            assertThat(actual.get("id").longValue()).isPositive();
            want.put("id", actual.get("id").longValue());
        }
        if (actual.get("id").longValue() > LAST_LEGACY_ID) {
            assertThat(actual.get("created_at").stringValue()).isEqualTo(DateTimes.format(WebFixture.NOW));
        } else {
            assertThat(actual.get("created_at").isNull()).as("legacy rows have no creation time").isTrue();
        }
        ObjectNode got = (ObjectNode) actual.deepCopy();
        got.remove("created_at");
        // This service's additions after the legacy members; the legacy members stay as recorded.
        assertThat(actual.propertyNames()).as("members, in order").containsSubsequence("id", "event_time", "address",
                "topic", "duration_minutes", "requested_by", "status", "created_at", "submitted_by", "decided_by",
                "decided_at", "updated_at");
        got.remove(List.of("submitted_by", "decided_by", "decided_at", "updated_at"));
        // Re-read both so that numbers compare by value, not by node type (int vs long).
        assertThat(JSON.readTree(got.toString())).isEqualTo(JSON.readTree(want.toString()));
    }

    /** type, loc and msg of each FastAPI error: what clients act on. */
    private static List<Map<String, Object>> essentials(JsonNode errors) {
        List<Map<String, Object>> out = new ArrayList<>();
        errors.forEach(e -> out.add(Map.of("type", e.get("type").stringValue(), "loc", e.get("loc").toString(),
                "msg", e.get("msg").stringValue())));
        return out;
    }

    private static List<Long> ids(JsonNode bookings) {
        List<Long> ids = new ArrayList<>();
        bookings.forEach(b -> ids.add(b.get("id").longValue()));
        return ids;
    }

    private MockHttpServletRequestBuilder requestFor(String name, JsonNode recorded) {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(recorded.get("method").stringValue()),
                recorded.get("path").stringValue());
        JsonNode form = recorded.get("form");
        if (recorded.has("json")) {
            request.contentType(MediaType.APPLICATION_JSON).content(recorded.get("json").toString());
        } else if (form != null && form.isString()) {
            request.contentType(MediaType.APPLICATION_JSON).content(form.stringValue());
        } else if (form != null) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            form.properties().forEach(field -> request.param(field.getKey(), password(field.getKey(),
                    field.getValue().stringValue(), form.get("username").stringValue())));
        }
        String authorization = authorization(name, recorded);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** The recording redacted real passwords; they are the fixture database's. */
    private static String password(String field, String value, String username) {
        if (!field.equals("password") || !value.equals("<redacted>")) {
            return value;
        }
        return switch (username) {
            case "admin" -> WebFixture.ADMIN_PASSWORD;
            case "speaker.office" -> WebFixture.REQUESTER_PASSWORD;
            case "old.requester" -> WebFixture.DISABLED_PASSWORD;
            default -> "some-password";
        };
    }

    /** Tokens were shortened in the recording; who sent each request follows from its name. */
    private String authorization(String name, JsonNode recorded) {
        JsonNode headers = recorded.get("headers");
        if (headers == null || !headers.has("Authorization")) {
            return null;
        }
        if (name.contains("garbage token")) {
            return "Bearer abc.def.ghi";
        }
        if (name.contains("expired token")) {
            return "Bearer " + web.tokens.expiredFor("speaker.office", "requester");
        }
        if (name.contains("disabled user")) {
            return "Bearer " + web.tokens.validFor("old.requester", "requester");
        }
        if (name.startsWith("submit") || name.contains("requester")) {
            return web.bearer("speaker.office");
        }
        return web.bearer("admin");
    }
}
