package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The exact 422 body of every field × rule (and of the {@code Idempotency-Key} header), pinned as
 * golden files under {@code src/test/resources/golden/422/}. Validation wording may move between
 * layers; what a client reads must stay byte-identical.
 *
 * <p>To add a case: add it to {@link #cases()}, run once with {@code -Dgolden.record=true}
 * (writes the missing files into the source tree), check the new file by eye and commit it.
 * Without that property a missing file fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationGoldenTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String GOLDEN = "golden/422/";
    private static final Path SOURCE_DIR = Path.of("src/test/resources", GOLDEN);

    private static final String ADDRESS = "{\"street\":\"1 Main St\",\"city\":\"Oslo\",\"state\":null,\"country\":\"NO\"}";
    private static final String LONG_201 = "x".repeat(201);

    record Case(String name, HttpMethod method, String path, String contentType, String body, String idempotencyKey) {

        @Override
        public String toString() {
            return name;
        }
    }

    private final WebFixture web = new WebFixture().seededLikeTheLegacyDatabase();

    @AfterAll
    void close() {
        web.close();
    }

    /** A valid booking body with one member replaced by raw JSON text, or dropped when the text is null. */
    private static String booking(String member, String raw) {
        List<String> parts = new ArrayList<>();
        add(parts, member, raw, "event_time", "\"2031-06-01T10:00:00Z\"");
        add(parts, member, raw, "address", ADDRESS);
        add(parts, member, raw, "topic", "\"Forecasting\"");
        add(parts, member, raw, "duration_minutes", "45");
        add(parts, member, raw, "requested_by", "\"a@example.org\"");
        return "{" + String.join(",", parts) + "}";
    }

    /** A valid address with one member replaced by raw JSON text, or dropped when the text is null. */
    private static String address(String member, String raw) {
        List<String> parts = new ArrayList<>();
        add(parts, member, raw, "street", "\"1 Main St\"");
        add(parts, member, raw, "city", "\"Oslo\"");
        add(parts, member, raw, "state", "null");
        add(parts, member, raw, "country", "\"NO\"");
        return booking("address", "{" + String.join(",", parts) + "}");
    }

    private static void add(List<String> parts, String member, String raw, String name, String valid) {
        if (!name.equals(member)) {
            parts.add("\"" + name + "\":" + valid);
        } else if (raw != null) {
            parts.add("\"" + name + "\":" + raw);
        }
    }

    private static Case post(String name, String body) {
        return new Case(name, HttpMethod.POST, "/booking/", JSON, body, null);
    }

    private static Case patch(String name, String body) {
        return new Case(name, HttpMethod.PATCH, "/booking/4/", JSON, body, null);
    }

    private static Case get(String name, String path) {
        return new Case(name, HttpMethod.GET, path, null, null, null);
    }

    private static Case json(String name, HttpMethod method, String path, String body) {
        return new Case(name, method, path, JSON, body, null);
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        // The body as a whole.
        all.add(post("body-empty", ""));
        all.add(post("body-broken-json", "{"));
        all.add(post("body-not-an-object", "[1,2]"));
        all.add(post("body-all-missing", "{}"));
        all.add(post("body-every-field-invalid", "{\"event_time\":\"x\",\"address\":{\"street\":\"\",\"city\":\"\",\"country\":\"Atlantis\"},"
                + "\"topic\":\"\",\"duration_minutes\":0,\"requested_by\":\"nope\"}"));
        all.add(post("body-every-domain-rule-broken", "{\"event_time\":\"2001-01-01T00:00:00Z\",\"address\":{\"street\":\"\",\"city\":\"\",\"country\":\"Atlantis\"},"
                + "\"topic\":\"\",\"duration_minutes\":0,\"requested_by\":\"nope\"}"));
        // event_time
        all.add(post("event_time-not-a-time", booking("event_time", "\"tomorrow\"")));
        all.add(post("event_time-bad-date", booking("event_time", "\"2031-02-30T10:00:00Z\"")));
        all.add(post("event_time-number", booking("event_time", "12")));
        all.add(post("event_time-object", booking("event_time", "{}")));
        all.add(post("event_time-in-the-past", booking("event_time", "\"2001-01-01T00:00:00Z\"")));
        // address
        all.add(post("address-missing", booking("address", null)));
        all.add(post("address-null", booking("address", "null")));
        all.add(post("address-text", booking("address", "\"Oslo\"")));
        all.add(post("address-list", booking("address", "[]")));
        for (String part : List.of("street", "city", "country")) {
            all.add(post("address." + part + "-missing", address(part, null)));
            all.add(post("address." + part + "-null", address(part, "null")));
            all.add(post("address." + part + "-number", address(part, "5")));
            all.add(post("address." + part + "-blank", address(part, "\"  \"")));
            all.add(post("address." + part + "-too-long", address(part, "\"" + LONG_201 + "\"")));
        }
        all.add(post("address.state-number", address("state", "5")));
        all.add(post("address.state-too-long", address("state", "\"" + LONG_201 + "\"")));
        all.add(post("address.country-unknown", address("country", "\"Atlantis\"")));
        // topic
        all.add(post("topic-missing", booking("topic", null)));
        all.add(post("topic-null", booking("topic", "null")));
        all.add(post("topic-number", booking("topic", "5")));
        all.add(post("topic-blank", booking("topic", "\"   \"")));
        all.add(post("topic-too-long", booking("topic", "\"" + LONG_201 + "\"")));
        // duration_minutes
        all.add(post("duration_minutes-missing", booking("duration_minutes", null)));
        all.add(post("duration_minutes-null", booking("duration_minutes", "null")));
        all.add(post("duration_minutes-text", booking("duration_minutes", "\"long\"")));
        all.add(post("duration_minutes-fraction", booking("duration_minutes", "4.5")));
        all.add(post("duration_minutes-list", booking("duration_minutes", "[45]")));
        all.add(post("duration_minutes-boolean", booking("duration_minutes", "true")));
        all.add(post("duration_minutes-zero", booking("duration_minutes", "0")));
        all.add(post("duration_minutes-negative", booking("duration_minutes", "-5")));
        all.add(post("duration_minutes-too-large", booking("duration_minutes", "100000")));
        all.add(post("duration_minutes-huge", booking("duration_minutes", "123456789012345678901234567890")));
        all.add(post("duration_minutes-exponent-bomb", booking("duration_minutes", "1e1000000000")));
        // requested_by
        all.add(post("requested_by-missing", booking("requested_by", null)));
        all.add(post("requested_by-null", booking("requested_by", "null")));
        all.add(post("requested_by-number", booking("requested_by", "5")));
        all.add(post("requested_by-too-long", booking("requested_by", "\"" + "a".repeat(89) + "@example.org\"")));
        all.add(post("requested_by-no-at", booking("requested_by", "\"nope\"")));
        all.add(post("requested_by-two-ats", booking("requested_by", "\"a@b@example.org\"")));
        all.add(post("requested_by-nothing-before-at", booking("requested_by", "\"@example.org\"")));
        all.add(post("requested_by-nothing-after-at", booking("requested_by", "\"a@\"")));
        all.add(post("requested_by-whitespace", booking("requested_by", "\"a b@example.org\"")));
        all.add(post("requested_by-no-period", booking("requested_by", "\"a@example\"")));
        // Idempotency-Key
        all.add(new Case("idempotency-key-too-long", HttpMethod.POST, "/booking/", JSON, booking("topic", "\"Forecasting\""),
                "k".repeat(256)));
        // Reschedule (PATCH), every member optional
        all.add(patch("patch-not-an-object", "[]"));
        all.add(patch("patch-event_time-not-a-time", "{\"event_time\":\"soon\"}"));
        all.add(patch("patch-event_time-in-the-past", "{\"event_time\":\"2001-01-01T00:00:00Z\"}"));
        all.add(patch("patch-address-text", "{\"address\":\"Oslo\"}"));
        all.add(patch("patch-address-without-city", "{\"address\":{\"street\":\"x\",\"country\":\"NO\"}}"));
        all.add(patch("patch-address-unknown-country", "{\"address\":{\"street\":\"x\",\"city\":\"y\",\"country\":\"Atlantis\"}}"));
        all.add(patch("patch-topic-blank", "{\"topic\":\"\"}"));
        all.add(patch("patch-topic-too-long", "{\"topic\":\"" + LONG_201 + "\"}"));
        all.add(patch("patch-duration_minutes-zero", "{\"duration_minutes\":0}"));
        all.add(patch("patch-duration_minutes-text", "{\"duration_minutes\":\"x\"}"));
        // Decisions
        all.add(json("decision-id-missing", HttpMethod.POST, "/booking/accept/", "{}"));
        all.add(json("decision-id-text", HttpMethod.POST, "/booking/accept/", "{\"id\":\"four\"}"));
        all.add(json("decision-id-fraction", HttpMethod.POST, "/booking/reject/", "{\"id\":1.5}"));
        all.add(json("decision-not-an-object", HttpMethod.POST, "/booking/reject/", "[]"));
        // Path and query parameters
        all.add(get("path-id-text", "/booking/abc/"));
        all.add(get("path-id-negative", "/booking/-1/"));
        all.add(get("path-id-zero", "/booking/0/"));
        all.add(get("query-limit-zero", "/booking/?limit=0"));
        all.add(get("query-limit-too-large", "/booking/?limit=1001"));
        all.add(get("query-limit-text", "/booking/?limit=ten"));
        all.add(get("query-cursor-forged", "/booking/?limit=5&cursor=bm9wZQ"));
        all.add(get("query-status-unknown", "/booking/?status=done"));
        all.add(get("query-from-not-a-time", "/booking/?from=soon"));
        all.add(get("query-to-not-a-time", "/booking/?to=2031-13-01T00:00:00Z"));
        // Users
        all.add(json("users-create-empty", HttpMethod.POST, "/users", "{}"));
        all.add(json("users-create-username-blank", HttpMethod.POST, "/users", "{\"username\":\"\",\"password\":\"long-enough-1\"}"));
        all.add(json("users-create-username-too-long", HttpMethod.POST, "/users",
                "{\"username\":\"" + "u".repeat(101) + "\",\"password\":\"long-enough-1\"}"));
        all.add(json("users-create-password-short", HttpMethod.POST, "/users", "{\"username\":\"x\",\"password\":\"short\"}"));
        all.add(json("users-create-password-too-long", HttpMethod.POST, "/users",
                "{\"username\":\"x\",\"password\":\"" + "p".repeat(129) + "\"}"));
        all.add(json("users-create-role-unknown", HttpMethod.POST, "/users", "{\"username\":\"x\",\"password\":\"long-enough-1\",\"role\":\"root\"}"));
        all.add(json("users-create-disabled-text", HttpMethod.POST, "/users", "{\"username\":\"x\",\"password\":\"long-enough-1\",\"disabled\":\"yes\"}"));
        all.add(json("users-update-role-unknown", HttpMethod.PATCH, "/users/speaker.office", "{\"role\":\"root\"}"));
        all.add(json("users-update-disabled-text", HttpMethod.PATCH, "/users/speaker.office", "{\"disabled\":\"yes\"}"));
        all.add(json("users-update-password-short", HttpMethod.PATCH, "/users/speaker.office", "{\"password\":\"short\"}"));
        all.add(json("users-me-password-empty", HttpMethod.PUT, "/users/me/password", "{}"));
        all.add(json("users-me-password-new-short", HttpMethod.PUT, "/users/me/password",
                "{\"current_password\":\"whatever-it-is\",\"new_password\":\"short\"}"));
        // The token form
        all.add(new Case("token-form-empty", HttpMethod.POST, "/token", FORM, "", null));
        all.add(new Case("token-form-without-password", HttpMethod.POST, "/token", FORM, "username=admin", null));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersExactlyAsRecorded(Case c) throws Exception {
        MockHttpServletRequestBuilder request = request(c.method(), c.path()).header("Authorization", web.bearer("admin"));
        if (c.contentType() != null) {
            request.contentType(c.contentType()).content(c.body());
        }
        if (c.idempotencyKey() != null) {
            request.header("Idempotency-Key", c.idempotencyKey());
        }
        MockHttpServletResponse response = web.mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        String file = c.name() + ".json";
        String golden = read(file);
        if (golden == null && Boolean.getBoolean("golden.record")) {
            Files.createDirectories(SOURCE_DIR);
            Files.writeString(SOURCE_DIR.resolve(file), body, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file %s%s (record it with -Dgolden.record=true)", GOLDEN, file).isNotNull();
        assertThat(body).isEqualTo(golden);
    }

    @Test
    void everyGoldenFileHasItsCaseAndNamesAreUnique() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        cases().forEach(c -> assertThat(names.add(c.name() + ".json")).as("duplicate case %s", c.name()).isTrue());
        try (Stream<Path> files = Files.list(SOURCE_DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("golden files without a case").allMatch(names::contains);
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = ValidationGoldenTest.class.getClassLoader().getResourceAsStream(GOLDEN + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
