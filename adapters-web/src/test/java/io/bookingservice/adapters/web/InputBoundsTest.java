package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.bookingservice.application.error.UnstorableValueException;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.domain.booking.Booking;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9 §4: valid-looking input that PostgreSQL cannot store (a NUL, a year 300000) was a 500
 * with a stack trace; it is a 422 naming the field, and the storage's refusal is a 422 too.
 */
class InputBoundsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase();

    @AfterEach
    void close() {
        web.close();
    }

    private static String booking(String eventTime, String street, String topic, String contact) {
        return JSON.createObjectNode()
                .put("event_time", eventTime)
                .<tools.jackson.databind.node.ObjectNode>set("address", JSON.createObjectNode().put("street", street)
                        .put("city", "Oslo").putNull("state").put("country", "NO"))
                .put("topic", topic)
                .put("duration_minutes", 45)
                .put("requested_by", contact)
                .toString();
    }

    private MockHttpServletResponse submit(String body) throws Exception {
        return perform(post("/booking/").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Authorization", web.bearer("speaker.office")));
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return web.mvc.perform(request).andReturn().getResponse();
    }

    private static JsonNode onlyError(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
        JsonNode detail = JSON.readTree(response.getContentAsString()).get("detail");
        assertThat(detail).hasSize(1);
        return detail.get(0);
    }

    @Test
    void aControlCharacterInFreeTextIsRefusedNamingTheField() throws Exception {
        JsonNode topic = onlyError(submit(booking("2031-06-01T10:00:00Z", "1 Main St", "Fore\u0000casting", "a@example.org")));
        assertThat(topic.get("type").asString()).isEqualTo("value_error");
        assertThat(topic.get("loc").toString()).isEqualTo("[\"body\",\"topic\"]");
        assertThat(topic.get("msg").asString()).isEqualTo("Value error, control character U+0000 is not allowed");

        JsonNode street = onlyError(submit(booking("2031-06-01T10:00:00Z", "1 Main\u001b[2J St", "Forecasting", "a@example.org")));
        assertThat(street.get("loc").toString()).isEqualTo("[\"body\",\"address\",\"street\"]");
        assertThat(street.get("msg").asString()).isEqualTo("Value error, control character U+001B is not allowed");

        JsonNode contact = onlyError(submit(booking("2031-06-01T10:00:00Z", "1 Main St", "Forecasting", "a\u0085@example.org")));
        assertThat(contact.get("loc").toString()).isEqualTo("[\"body\",\"requested_by\"]");
        assertThat(contact.get("msg").asString()).isEqualTo("Value error, control character U+0085 is not allowed");

        JsonNode changed = onlyError(perform(patch("/booking/4").contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\": \"x\\u007f\"}").header("Authorization", web.bearer("admin"))));
        assertThat(changed.get("loc").toString()).isEqualTo("[\"body\",\"topic\"]");
    }

    @Test
    void tabsAndLineBreaksStayAllowedAndPasswordsAreNeverFiltered() throws Exception {
        MockHttpServletResponse submitted = submit(booking("2031-06-01T10:00:00Z", "1 Main St\r\nBack door",
                "Fore\tcasting\n", "a@example.org"));
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(201);

        MockHttpServletResponse changed = perform(put("/users/me/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"current_password\": \"" + WebFixture.REQUESTER_PASSWORD + "\", \"new_password\": \"new\\u0000\\u0007Pass-1\"}")
                .header("Authorization", web.bearer("speaker.office")));
        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(204);
    }

    @Test
    void timesOutsideTheYears1To9999GetPydanticsAnswers() throws Exception {
        JsonNode far = onlyError(submit(booking("+300000-01-01T00:00:00Z", "1 Main St", "Forecasting", "a@example.org")));
        assertThat(far.get("type").asString()).isEqualTo("datetime_from_date_parsing");
        assertThat(far.get("loc").toString()).isEqualTo("[\"body\",\"event_time\"]");
        assertThat(far.get("msg").asString()).isEqualTo("Input should be a valid datetime or date, invalid character in year");
        assertThat(far.get("ctx").get("error").asString()).isEqualTo("invalid character in year");

        JsonNode yearZero = onlyError(submit(booking("0000-01-01T00:00:00Z", "1 Main St", "Forecasting", "a@example.org")));
        assertThat(yearZero.get("type").asString()).isEqualTo("datetime_parsing");
        assertThat(yearZero.get("msg").asString()).isEqualTo("Input should be a valid datetime, year 0 is out of range");

        JsonNode fiveDigits = onlyError(submit(booking("10000-01-01T00:00:00Z", "1 Main St", "Forecasting", "a@example.org")));
        assertThat(fiveDigits.get("msg").asString())
                .isEqualTo("Input should be a valid datetime or date, invalid date separator, expected `-`");

        JsonNode from = onlyError(perform(get("/booking/").param("from", "+300000-01-01T00:00:00Z")
                .header("Authorization", web.bearer("admin"))));
        assertThat(from.get("loc").toString()).isEqualTo("[\"query\",\"from\"]");
        assertThat(from.get("msg").asString()).isEqualTo("Input should be a valid datetime or date, invalid character in year");
        JsonNode to = onlyError(perform(get("/booking/").param("to", "-0001-01-01T00:00:00Z")
                .header("Authorization", web.bearer("admin"))));
        assertThat(to.get("loc").toString()).isEqualTo("[\"query\",\"to\"]");

        // Year 9999 as written is still Python's range, even when it is year 10000 in UTC.
        assertThat(submit(booking("9999-12-31T23:59:59-01:00", "1 Main St", "Forecasting", "a@example.org"))
                .getStatus()).isEqualTo(201);
    }

    @Test
    void aValueTheStorageRefusesIsA422WithoutItsSql() throws Exception {
        FakeBookingRepository refusing = new FakeBookingRepository() {
            @Override
            public Booking insert(Booking booking) {
                throw new UnstorableValueException("A value cannot be stored (insert booking, SQLState 22021)",
                        new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 in INSERT INTO booking_requests", "22021"));
            }
        };
        try (WebFixture storing = new WebFixture(WebSettings.defaults(), refusing).seededLikeTheLegacyDatabase()) {
            MockHttpServletResponse response = storing.mvc.perform(post("/booking/").contentType(MediaType.APPLICATION_JSON)
                    .content(booking("2031-06-01T10:00:00Z", "1 Main St", "Forecasting", "a@example.org"))
                    .header("Authorization", storing.bearer("speaker.office"))).andReturn().getResponse();

            JsonNode error = onlyError(response);
            assertThat(error.get("type").asString()).isEqualTo("value_error");
            assertThat(error.get("loc").toString()).isEqualTo("[\"body\"]");
            assertThat(response.getContentAsString()).doesNotContain("INSERT", "22021", "SQL", "UTF8");
        }
    }
}
