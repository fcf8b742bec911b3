package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input of every kind gets a 4xx problem (FastAPI's error list for 422), never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";
    private static final String VALID_ADDRESS = "{\"street\": \"1 Main St\", \"city\": \"Oslo\", \"country\": \"NO\"}";

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase();

    @AfterAll
    void close() {
        web.close();
    }

    /** A valid booking body with one member replaced by raw JSON text. */
    private static String booking(String member, String rawValue) {
        String eventTime = member.equals("event_time") ? rawValue : "\"2031-06-01T10:00:00Z\"";
        String address = member.equals("address") ? rawValue : VALID_ADDRESS;
        String topic = member.equals("topic") ? rawValue : "\"Forecasting\"";
        String duration = member.equals("duration_minutes") ? rawValue : "45";
        String contact = member.equals("requested_by") ? rawValue : "\"a@example.org\"";
        return "{\"event_time\": " + eventTime + ", \"address\": " + address + ", \"topic\": " + topic
                + ", \"duration_minutes\": " + duration + ", \"requested_by\": " + contact + "}";
    }

    static Stream<Arguments> cases() {
        String longMail = "a".repeat(89) + "@example.org";
        return Stream.of(
                Arguments.of("broken JSON", HttpMethod.POST, "/booking/", JSON_TYPE, "{", 422, "json_invalid", "[\"body\",1]"),
                Arguments.of("truncated JSON", HttpMethod.POST, "/booking/", JSON_TYPE, "{\"topic\": ", 422, "json_invalid", null),
                Arguments.of("not an object", HttpMethod.POST, "/booking/", JSON_TYPE, "[1, 2]", 422, "model_attributes_type", "[\"body\"]"),
                Arguments.of("empty body", HttpMethod.POST, "/booking/", JSON_TYPE, "", 422, "missing", "[\"body\"]"),
                Arguments.of("duration as text", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "\"long\""), 422, "int_parsing", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("duration with fraction", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "4.5"), 422, "int_from_float", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("duration as list", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "[45]"), 422, "int_type", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("huge integer", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "123456789012345678901234567890"), 422, "less_than_equal", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("huge float", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "1e400"), 422, "less_than_equal", "[\"body\",\"duration_minutes\"]"),
                // Past BigInteger's range (10^646456993): converting it would throw, a 500 before the clamp.
                Arguments.of("exponent bomb", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "1e1000000000"), 422, "less_than_equal", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("negative exponent bomb", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "-1e1000000000"), 422, "greater_than", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("duration 0", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "0"), 422, "greater_than", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("duration 100000", HttpMethod.POST, "/booking/", JSON_TYPE, booking("duration_minutes", "100000"), 422, "less_than_equal", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("topic as number", HttpMethod.POST, "/booking/", JSON_TYPE, booking("topic", "5"), 422, "string_type", "[\"body\",\"topic\"]"),
                Arguments.of("empty topic", HttpMethod.POST, "/booking/", JSON_TYPE, booking("topic", "\"   \""), 422, "string_too_short", "[\"body\",\"topic\"]"),
                Arguments.of("topic null", HttpMethod.POST, "/booking/", JSON_TYPE, booking("topic", "null"), 422, "string_type", "[\"body\",\"topic\"]"),
                Arguments.of("event time not a time", HttpMethod.POST, "/booking/", JSON_TYPE, booking("event_time", "\"tomorrow\""), 422, "datetime_from_date_parsing", "[\"body\",\"event_time\"]"),
                Arguments.of("event time as object", HttpMethod.POST, "/booking/", JSON_TYPE, booking("event_time", "{}"), 422, "datetime_type", "[\"body\",\"event_time\"]"),
                Arguments.of("event time in the past", HttpMethod.POST, "/booking/", JSON_TYPE, booking("event_time", "\"2001-01-01T00:00:00Z\""), 422, "value_error", "[\"body\",\"event_time\"]"),
                Arguments.of("address as text", HttpMethod.POST, "/booking/", JSON_TYPE, booking("address", "\"Oslo\""), 422, "model_type", "[\"body\",\"address\"]"),
                Arguments.of("address without city", HttpMethod.POST, "/booking/", JSON_TYPE, booking("address", "{\"street\": \"x\", \"country\": \"NO\"}"), 422, "missing", "[\"body\",\"address\",\"city\"]"),
                Arguments.of("unknown country", HttpMethod.POST, "/booking/", JSON_TYPE, booking("address", "{\"street\": \"x\", \"city\": \"y\", \"country\": \"Atlantis\"}"), 422, "value_error", "[\"body\",\"address\",\"country\"]"),
                Arguments.of("e-mail of 101 characters", HttpMethod.POST, "/booking/", JSON_TYPE, booking("requested_by", "\"" + longMail + "\""), 422, "string_too_long", "[\"body\",\"requested_by\"]"),
                Arguments.of("wrong content type", HttpMethod.POST, "/booking/", "text/plain", booking("topic", "\"x\""), 415, null, null),
                Arguments.of("form instead of JSON", HttpMethod.POST, "/booking/", "application/x-www-form-urlencoded", "topic=x", 415, null, null),
                Arguments.of("oversized body", HttpMethod.POST, "/booking/", JSON_TYPE, booking("topic", "\"" + "x".repeat(70_000) + "\""), 413, null, null),
                Arguments.of("JSON to /token", HttpMethod.POST, "/token", JSON_TYPE, "{\"username\": \"admin\"}", 415, null, null),
                Arguments.of("decision id as text", HttpMethod.POST, "/booking/accept/", JSON_TYPE, "{\"id\": \"four\"}", 422, "int_parsing", "[\"body\",\"id\"]"),
                Arguments.of("decision id missing", HttpMethod.POST, "/booking/accept/", JSON_TYPE, "{}", 422, "missing", "[\"body\",\"id\"]"),
                Arguments.of("decision id huge", HttpMethod.POST, "/booking/accept/", JSON_TYPE, "{\"id\": 99999999999999999999999}", 404, null, null),
                Arguments.of("decision id exponent bomb", HttpMethod.POST, "/booking/accept/", JSON_TYPE, "{\"id\": 1e1000000000}", 404, null, null),
                Arguments.of("path id not a number", HttpMethod.GET, "/booking/abc/", null, null, 422, "int_parsing", "[\"path\",\"id\"]"),
                Arguments.of("path id negative", HttpMethod.GET, "/booking/-1/", null, null, 422, "greater_than", "[\"path\",\"id\"]"),
                Arguments.of("limit 0", HttpMethod.GET, "/booking/?limit=0", null, null, 422, "greater_than_equal", "[\"query\",\"limit\"]"),
                Arguments.of("limit 1001", HttpMethod.GET, "/booking/?limit=1001", null, null, 422, "less_than_equal", "[\"query\",\"limit\"]"),
                Arguments.of("limit as text", HttpMethod.GET, "/booking/?limit=ten", null, null, 422, "int_parsing", "[\"query\",\"limit\"]"),
                Arguments.of("forged cursor", HttpMethod.GET, "/booking/?limit=5&cursor=bm9wZQ", null, null, 422, "value_error", "[\"query\",\"cursor\"]"),
                Arguments.of("unknown status", HttpMethod.GET, "/booking/?status=done", null, null, 422, "enum", "[\"query\",\"status\",0]"),
                Arguments.of("from not a time", HttpMethod.GET, "/booking/?from=soon", null, null, 422, "datetime_from_date_parsing", "[\"query\",\"from\"]"),
                Arguments.of("reschedule to duration 0", HttpMethod.PATCH, "/booking/4/", JSON_TYPE, "{\"duration_minutes\": 0}", 422, "greater_than", "[\"body\",\"duration_minutes\"]"),
                Arguments.of("short new password", HttpMethod.POST, "/users", JSON_TYPE, "{\"username\": \"x\", \"password\": \"short\"}", 422, "string_too_short", "[\"body\",\"password\"]"),
                Arguments.of("unknown role", HttpMethod.PATCH, "/users/admin", JSON_TYPE, "{\"role\": \"root\"}", 422, "enum", "[\"body\",\"role\"]"),
                Arguments.of("disabled as text", HttpMethod.PATCH, "/users/admin", JSON_TYPE, "{\"disabled\": \"yes\"}", 422, "bool_type", "[\"body\",\"disabled\"]"),
                Arguments.of("path with a semicolon", HttpMethod.GET, "/booking;x=1/", null, null, 400, null, null));
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("cases")
    void isRefusedWithAProblemNeverA5xx(String name, HttpMethod method, String path, String contentType, String body,
                                        int status, String errorType, String errorLoc) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path).header("Authorization", web.bearer("admin"));
        if (contentType != null) {
            request.contentType(contentType).content(body);
        }
        MockHttpServletResponse response = web.mvc.perform(request).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        if (errorType != null) {
            JsonNode first = problem.get("detail").get(0);
            assertThat(first.get("type").stringValue()).isEqualTo(errorType);
            if (errorLoc != null) {
                assertThat(first.get("loc").toString()).isEqualTo(errorLoc);
            }
            assertThat(first.get("msg").stringValue()).isNotBlank();
        } else {
            assertThat(problem.get("detail").isString()).isTrue();
        }
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() throws Exception {
        String body = "{\"address\": {\"street\": \"x\", \"city\": \"y\", \"country\": \"Atlantis\"}, \"topic\": \"\","
                + " \"duration_minutes\": 0, \"requested_by\": \"nope\"}";
        MockHttpServletResponse response = web.mvc.perform(request(HttpMethod.POST, "/booking/")
                .header("Authorization", web.bearer("speaker.office")).contentType(JSON_TYPE).content(body))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode detail = JSON.readTree(response.getContentAsString()).get("detail");
        assertThat(detail.findValuesAsString("msg")).containsExactlyInAnyOrder(
                "Value error, 'Atlantis' cannot be matched to any country",
                "String should have at least 1 character",
                "Input should be greater than 0",
                "value is not a valid email address: An email address must have an @-sign.");
        assertThat(web.bookings.size()).as("nothing stored").isEqualTo(5);
    }
}
