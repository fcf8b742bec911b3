package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every route for every kind of caller: anonymous, the requester who owns booking 6, another
 * requester, a disabled account with a valid token, and an admin. Each case runs on a fresh
 * state so that one case's change (a delete, a cancel) cannot decide another's answer.
 */
class RouteRoleMatrixTest {

    enum Caller {
        ANONYMOUS(null, null), OWNER("speaker.office", WebFixture.REQUESTER_PASSWORD),
        OTHER_REQUESTER("other.requester", WebFixture.OTHER_PASSWORD),
        DISABLED("old.requester", WebFixture.DISABLED_PASSWORD), ADMIN("admin", WebFixture.ADMIN_PASSWORD);

        final String username;
        final String password;

        Caller(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    private record Route(HttpMethod method, String path, Function<Caller, String> body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String BOOKING = """
            {"event_time": "2031-06-01T10:00:00Z", "address": {"street": "1 Main St", "city": "Oslo", "country": "NO"},
             "topic": "Forecasting", "duration_minutes": 45, "requested_by": "a@example.org"}""";

    /** Expected status per caller, in {@link Caller} order. */
    private static final List<Object[]> MATRIX = List.of(
            row(HttpMethod.GET, "/booking/", null, 401, 200, 200, 403, 200),
            row(HttpMethod.GET, "/booking", null, 401, 200, 200, 403, 200),
            row(HttpMethod.POST, "/booking/", c -> BOOKING, 401, 201, 201, 403, 201),
            row(HttpMethod.GET, "/booking/6/", null, 401, 200, 404, 403, 200),
            row(HttpMethod.GET, "/booking/1", null, 401, 404, 404, 403, 200),
            row(HttpMethod.PATCH, "/booking/6/", c -> "{\"topic\": \"Causal Forecasting\"}", 401, 200, 404, 403, 200),
            row(HttpMethod.POST, "/booking/6/cancel", null, 401, 200, 404, 403, 200),
            row(HttpMethod.POST, "/booking/6/accept", null, 401, 403, 403, 403, 200),
            row(HttpMethod.POST, "/booking/6/reject/", null, 401, 403, 403, 403, 200),
            row(HttpMethod.POST, "/booking/accept/", c -> "{\"id\": 6}", 401, 403, 403, 403, 200),
            row(HttpMethod.POST, "/booking/reject/", c -> "{\"id\": 6}", 401, 403, 403, 403, 200),
            row(HttpMethod.DELETE, "/booking/6/", null, 401, 403, 403, 403, 200),
            row(HttpMethod.PUT, "/booking/6/", c -> "{}", 401, 405, 405, 403, 405),
            row(HttpMethod.GET, "/users/me", null, 401, 200, 200, 403, 200),
            row(HttpMethod.GET, "/users/me/", null, 401, 200, 200, 403, 200),
            row(HttpMethod.PUT, "/users/me/password", c -> c.password == null ? "{}"
                    : "{\"current_password\": \"" + c.password + "\", \"new_password\": \"a-new-passw0rd\"}",
                    401, 204, 204, 403, 204),
            row(HttpMethod.GET, "/users", null, 401, 403, 403, 403, 200),
            row(HttpMethod.GET, "/users/", null, 401, 403, 403, 403, 200),
            row(HttpMethod.POST, "/users", c -> "{\"username\": \"new.one\", \"password\": \"long-enough-1\"}",
                    401, 403, 403, 403, 201),
            row(HttpMethod.PATCH, "/users/speaker.office", c -> "{\"disabled\": false}", 401, 403, 403, 403, 200),
            row(HttpMethod.PATCH, "/users/speaker.office/", c -> "{\"disabled\": false}", 401, 403, 403, 403, 200),
            row(HttpMethod.GET, "/ping/", null, 200, 200, 200, 200, 200),
            row(HttpMethod.GET, "/health/live", null, 200, 200, 200, 200, 200),
            row(HttpMethod.GET, "/health/ready", null, 200, 200, 200, 200, 200),
            row(HttpMethod.GET, "/no/such/route", null, 401, 404, 404, 403, 404));

    private static Object[] row(HttpMethod method, String path, Function<Caller, String> body, int... statuses) {
        return new Object[] {new Route(method, path, body), statuses};
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] row : MATRIX) {
            int[] statuses = (int[]) row[1];
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(row[0], caller, statuses[caller.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cases")
    void answersEachCallerAsItsRoleAllows(Route route, Caller caller, int expected) throws Exception {
        try (WebFixture web = new WebFixture().seededLikeTheLegacyDatabase().withOtherRequester()) {
            assertThat(web.submittedBy("speaker.office", "2031-06-01T10:00:00Z").id().value()).isEqualTo(6);
            MockHttpServletRequestBuilder request = request(route.method(), route.path());
            if (route.body() != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(route.body().apply(caller));
            }
            if (caller.username != null) {
                String role = caller == Caller.ADMIN ? "admin" : "requester";
                request.header("Authorization", "Bearer " + web.tokens.validFor(caller.username, role));
            }
            MockHttpServletResponse response = web.mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(response.getContentType()).startsWith("application/problem+json");
            }
            if (expected == 401) {
                assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            }
        }
    }
}
