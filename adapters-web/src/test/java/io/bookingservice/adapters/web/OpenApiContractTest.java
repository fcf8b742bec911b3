package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link OpenApiContract} can fail: a planted service that breaks the document in one way per
 * route is run through the same result handler {@link WebFixture} installs, and each breach is
 * reported naming the operation, the status and the JSON pointer of the offending member.
 */
class OpenApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BOOKING = """
            {"id": 7, "event_time": "2031-06-01T10:00:00Z",
             "address": {"street": "1 Main St", "city": "Oslo", "state": null, "country": "Norway"},
             "topic": "Forecasting", "duration_minutes": 45, "requested_by": "a@example.org",
             "status": "pending", "created_at": "2024-10-01T08:00:00Z", "submitted_by": "speaker.office",
             "decided_by": null, "decided_at": null, "updated_at": "2024-10-01T08:00:00Z"}""";

    private static final String VALID_INPUT = """
            {"event_time": "2031-06-01T10:00:00", "address": {"street": "1 Main St", "city": "Oslo",
             "country": "NO"}, "topic": "Forecasting", "duration_minutes": 45, "requested_by": "a@example.org"}""";

    private final MockMvc planted = MockMvcBuilders.standaloneSetup(new PlantedService())
            .alwaysDo(OpenApiContract.ofServedDocument())
            .build();

    @Test
    void aConformingExchangePasses() throws Exception {
        assertThat(planted.perform(get("/booking/7/")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(planted.perform(post("/booking/").contentType(MediaType.APPLICATION_JSON).content(VALID_INPUT))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void aMemberOfTheWrongTypeIsReportedWithItsPointer() {
        assertThatThrownBy(() -> planted.perform(get("/booking/1/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /booking/{id}/ → 200 application/json at /address/city:")
                .hasMessageContaining("integer found, string expected");
    }

    @Test
    void aMissingRequiredMemberIsReported() {
        assertThatThrownBy(() -> planted.perform(get("/booking/2/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /booking/{id}/ → 200 application/json at /:")
                .hasMessageContaining("required property 'status' not found");
    }

    @Test
    void aValueOutsideItsEnumIsReported() {
        assertThatThrownBy(() -> planted.perform(get("/booking/3/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /booking/{id}/ → 200 application/json at /status:")
                .hasMessageContaining("does not have a value in the enumeration");
    }

    @Test
    void anUndocumentedStatusIsReported() {
        assertThatThrownBy(() -> planted.perform(get("/booking/4/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /booking/{id}/ → 418: the document lists no such status");
    }

    @Test
    void anUndocumentedContentTypeIsReported() {
        assertThatThrownBy(() -> planted.perform(get("/booking/5/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /booking/{id}/ → 200: content type text/plain")
                .hasMessageContaining("is not among the documented application/json");
    }

    @Test
    void anErrorThatIsNoProblemIsReported() {
        assertThatThrownBy(() -> planted.perform(get("/booking/6/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /booking/{id}/ → 404 application/problem+json at /:")
                .hasMessageContaining("required property 'detail' not found");
    }

    @Test
    void aRequestBodyTheDocumentRulesOutMustNotBeAccepted() {
        String invalid = VALID_INPUT.replace("\"duration_minutes\": 45", "\"duration_minutes\": \"45\"");
        assertThatThrownBy(() -> planted.perform(post("/booking/").contentType(MediaType.APPLICATION_JSON)
                .content(invalid)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /booking/ answered 201 to a request the document rules out")
                .hasMessageContaining("its application/json body at /duration_minutes: string found, integer expected");
    }

    @Test
    void aMissingRequiredBodyMustNotBeAccepted() {
        assertThatThrownBy(() -> planted.perform(post("/booking/")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /booking/ answered 201 to a request the document rules out: "
                        + "its required body is missing");
    }

    @Test
    void anUndocumentedRouteMayAnswerJsonOnlyAsAProblem() {
        assertThatThrownBy(() -> planted.perform(get("/not/documented")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /not/documented (no documented operation) → 200 application/json: "
                        + "only a problem may answer an undocumented request with JSON");
    }

    @Test
    void aLowerCaseMethodIsNoDocumentedOperation() throws Exception {
        // "get" is not GET (methods are case-sensitive): the planted 400 problem is judged as a problem only.
        assertThat(planted.perform(request(HttpMethod.valueOf("get"), "/booking/7/")).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
    }

    @Test
    void aKeywordJsonSchemaDoesNotKnowIsAnErrorNotIgnored() {
        // What an unquoted comma in a YAML flow mapping does: "description: a, b" makes "b" a keyword.
        JsonNode document = OpenApiContract.readDocument();
        ((ObjectNode) document.at("/components/schemas/Booking/properties/decided_by"))
                .putNull("rejected or cancelled it");
        MockMvc slipped = MockMvcBuilders.standaloneSetup(new PlantedService())
                .alwaysDo(new OpenApiContract(document))
                .build();

        assertThatThrownBy(() -> slipped.perform(get("/booking/7/")))
                .hasMessageContaining("rejected or cancelled it");
    }

    @Test
    void everyWebFixtureChecksItsExchanges() throws Exception {
        long before = OpenApiContract.RESPONSE_BODIES.get();
        try (WebFixture web = new WebFixture()) {
            web.mvc.perform(get("/ping/"));
        }
        assertThat(OpenApiContract.RESPONSE_BODIES.get()).isGreaterThan(before);
    }

    /**
     * Answers each route with one planted breach of the document. A plain {@code @Controller}: the
     * web configuration's scan picks up {@code @RestController}s of this package, and would then
     * map these routes in every fixture.
     */
    @Controller
    static class PlantedService {

        @GetMapping("/booking/{id}/")
        ResponseEntity<String> booking(@PathVariable long id) {
            ObjectNode booking = (ObjectNode) JSON.readTree(BOOKING);
            return switch ((int) id) {
                case 1 -> json(200, booking.set("address", ((ObjectNode) booking.get("address")).put("city", 42)));
                case 2 -> json(200, withoutStatus(booking));
                case 3 -> json(200, booking.put("status", "postponed"));
                case 4 -> json(418, booking);
                case 5 -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(booking.toString());
                case 6 -> ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"instance\":\"/x\"}");
                default -> json(200, booking);
            };
        }

        @RequestMapping(path = "/booking/{id}/", method = {})
        ResponseEntity<String> lowerCase() {
            return ResponseEntity.status(400).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Bad Request\","
                            + "\"instance\":\"/booking/7/\"}");
        }

        @PostMapping("/booking/")
        ResponseEntity<String> submit() {
            return ResponseEntity.status(201).contentType(MediaType.APPLICATION_JSON).body(BOOKING);
        }

        @GetMapping("/not/documented")
        ResponseEntity<String> undocumented() {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"secret\": true}");
        }

        private static ObjectNode withoutStatus(ObjectNode booking) {
            booking.remove("status");
            return booking;
        }

        private static ResponseEntity<String> json(int status, JsonNode body) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body.toString());
        }
    }
}
