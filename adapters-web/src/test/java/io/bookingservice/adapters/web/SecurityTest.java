package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebFixture web = new WebFixture(new WebSettings(List.of("https://app.example.org"), null,
            WebSettings.DEFAULT_MAX_BODY_BYTES, true)).seededLikeTheLegacyDatabase();

    @AfterEach
    void close() {
        web.close();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return web.mvc.perform(request).andReturn().getResponse();
    }

    private static String detail(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString()).get("detail").stringValue();
    }

    @Test
    void aDisabledAccountIsLockedOutAtOnceEvenWithAValidToken() throws Exception {
        String token = web.bearer("speaker.office");
        assertThat(perform(get("/users/me").header("Authorization", token)).getStatus()).isEqualTo(200);

        perform(patch("/users/speaker.office").header("Authorization", web.bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"disabled\": true}"));

        MockHttpServletResponse response = perform(get("/users/me").header("Authorization", token));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(detail(response)).isEqualTo("Inactive user");
    }

    @Test
    void theRoleInTheDatabaseWinsOverTheRoleInTheToken() throws Exception {
        String claimsAdmin = "Bearer " + web.tokens.validFor("speaker.office", "admin");
        MockHttpServletResponse response = perform(post("/booking/4/accept").header("Authorization", claimsAdmin));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(detail(response)).isEqualTo("Not enough permissions");

        String claimsRequester = "Bearer " + web.tokens.validFor("admin", "requester");
        assertThat(perform(post("/booking/4/accept").header("Authorization", claimsRequester)).getStatus())
                .isEqualTo(200);
    }

    @Test
    void tokensIssuedBeforeAPasswordChangeStopWorking() throws Exception {
        String before = web.bearer("speaker.office");
        web.clock.advance(Duration.ofMinutes(1));
        MockHttpServletResponse changed = perform(put("/users/me/password").header("Authorization", before)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"current_password\": \"Requester#Pass1\", \"new_password\": \"a-much-better-one\"}"));
        assertThat(changed.getStatus()).isEqualTo(204);

        MockHttpServletResponse refused = perform(get("/users/me").header("Authorization", before));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(detail(refused)).isEqualTo("Could not validate credentials");

        MockHttpServletResponse login = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "speaker.office").param("password", "a-much-better-one"));
        String fresh = JSON.readTree(login.getContentAsString()).get("access_token").stringValue();
        assertThat(perform(get("/users/me").header("Authorization", "Bearer " + fresh)).getStatus()).isEqualTo(200);
    }

    @Test
    void aTokenSignedInTheSameSecondAsThePasswordChangeStaysValid() throws Exception {
        // iat has whole seconds; the change 0.4 s into the second must not void the token signed after it.
        User user = web.find("speaker.office");
        web.users.update(user.withPassword(user.passwordHash(), WebFixture.NOW.plusMillis(400)));
        web.clock.advance(Duration.ofMillis(600));
        assertThat(perform(get("/users/me").header("Authorization", web.bearer("speaker.office"))).getStatus())
                .isEqualTo(200);
    }

    @Test
    void aLegacyTokenWithoutIssueTimeIsAcceptedUntilThePasswordChangesHere() throws Exception {
        String legacy = "Bearer " + web.tokens.mint("admin", "admin", null, WebFixture.NOW.plus(Duration.ofMinutes(30)));
        assertThat(perform(get("/users/me").header("Authorization", legacy)).getStatus()).isEqualTo(200);

        User admin = web.find("admin");
        web.users.update(admin.withPassword(admin.passwordHash(), WebFixture.NOW));
        assertThat(perform(get("/users/me").header("Authorization", legacy)).getStatus()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsToldApartFromAnInvalidOne() throws Exception {
        MockHttpServletResponse expired = perform(get("/users/me")
                .header("Authorization", "Bearer " + web.tokens.expiredFor("admin", "admin")));
        assertThat(expired.getStatus()).isEqualTo(401);
        assertThat(detail(expired)).isEqualTo("Token has expired");
        assertThat(expired.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");

        MockHttpServletResponse garbage = perform(get("/users/me").header("Authorization", "Bearer abc.def.ghi"));
        assertThat(garbage.getStatus()).isEqualTo(401);
        assertThat(detail(garbage)).isEqualTo("Could not validate credentials");
        assertThat(garbage.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aValidTokenForAnAccountThatDoesNotExistIsRefused() throws Exception {
        MockHttpServletResponse response = perform(get("/users/me")
                .header("Authorization", "Bearer " + web.tokens.validFor("ghost", "admin")));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(detail(response)).isEqualTo("Could not validate credentials");
    }

    @Test
    void anotherSchemeThanBearerIsNotAuthenticated() throws Exception {
        MockHttpServletResponse response = perform(get("/booking/").header("Authorization", "Basic YWRtaW46eA=="));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(detail(response)).isEqualTo("Not authenticated");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountGetTheSameAnswer() throws Exception {
        MockHttpServletResponse wrong = login("admin", "wrong");
        MockHttpServletResponse unknown = login("nobody", "whatever");
        MockHttpServletResponse disabled = login("old.requester", WebFixture.DISABLED_PASSWORD);
        for (MockHttpServletResponse response : List.of(wrong, unknown, disabled)) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.getContentAsString()).isEqualTo(wrong.getContentAsString());
        }
    }

    @Test
    void anExpiredTokenLeftInTheHeaderDoesNotStopALogin() throws Exception {
        MockHttpServletResponse response = perform(post("/token")
                .header("Authorization", "Bearer " + web.tokens.expiredFor("admin", "admin"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "admin").param("password", WebFixture.ADMIN_PASSWORD));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void aCrossSiteLoginFormIsRefused() throws Exception {
        MockHttpServletResponse fetchSite = perform(loginRequest().header("Sec-Fetch-Site", "cross-site"));
        assertThat(fetchSite.getStatus()).isEqualTo(403);
        MockHttpServletResponse foreignOrigin = perform(loginRequest().header("Origin", "https://evil.example"));
        assertThat(foreignOrigin.getStatus()).isEqualTo(403);

        MockHttpServletResponse foreignCrossSite = perform(loginRequest().header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site"));
        assertThat(foreignCrossSite.getStatus()).isEqualTo(403);

        assertThat(perform(loginRequest().header("Origin", "https://app.example.org")).getStatus()).isEqualTo(200);
        assertThat(perform(loginRequest().header("Sec-Fetch-Site", "same-origin")).getStatus()).isEqualTo(200);
    }

    @Test
    void aWebClientOnTheAllowListMayLogInFromAnotherSite() throws Exception {
        // A browser app hosted on another site sends both headers; its origin is what decides.
        MockHttpServletResponse response = perform(loginRequest().header("Origin", "https://app.example.org")
                .header("Sec-Fetch-Site", "cross-site"));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void corsAnswersOnlyOriginsOnTheAllowList() throws Exception {
        MockHttpServletResponse allowed = perform(options("/booking/").header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(allowed.getStatus()).isEqualTo(200);
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.org");

        MockHttpServletResponse refused = perform(options("/booking/").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
        // The API's error shape, like every other refusal (docs/web-api.md).
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":403", "\"detail\":\"Invalid CORS request\"");

        MockHttpServletResponse refusedRequest = perform(get("/ping/").header("Origin", "https://evil.example"));
        assertThat(refusedRequest.getStatus()).isEqualTo(403);
        assertThat(refusedRequest.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (MockHttpServletResponse response : List.of(perform(get("/ping/")), perform(get("/booking/")),
                perform(get("/nope").header("Authorization", web.bearer("admin"))))) {
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void aTrailingSlashDoesNotSlipPastTheAdminRule() throws Exception {
        for (String path : List.of("/users", "/users/")) {
            MockHttpServletResponse response = perform(get(path).header("Authorization", web.bearer("speaker.office")));
            assertThat(response.getStatus()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theRequestIdIsTakenOverOrMadeAndEchoed() throws Exception {
        assertThat(perform(get("/ping/").header("X-Request-Id", "abc-123")).getHeader("X-Request-Id"))
                .isEqualTo("abc-123");
        String made = perform(get("/ping/")).getHeader("X-Request-Id");
        assertThat(made).matches("[0-9a-f-]{36}");
        // A forged id with a line break could fake log lines: it is replaced, not echoed.
        assertThat(perform(get("/ping/").header("X-Request-Id", "x\nFAKE LOG")).getHeader("X-Request-Id"))
                .doesNotContain("FAKE");
    }

    @Test
    void problemsNeverLeakTheTokenOrAStackTrace() throws Exception {
        String token = web.tokens.expiredFor("admin", "admin");
        MockHttpServletResponse response = perform(get("/users/me").header("Authorization", "Bearer " + token));
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(response.getContentAsString()).doesNotContain(token).doesNotContain("Exception");
        assertThat(problem.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
    }

    @Test
    void repeatedFailedLoginsAreThrottledForThatAddressOnly() throws Exception {
        for (int i = 0; i < LoginThrottleSettings.DEFAULT.attemptsPerUserAndAddress(); i++) {
            assertThat(login("admin", "wrong").getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse locked = perform(loginRequest());
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).isPositive();
        assertThat(detail(locked)).isEqualTo("Too many login attempts; try again later");

        // The attacker's address is locked out of admin; admin at their own address is not.
        MockHttpServletResponse elsewhere = perform(loginRequest().with(request -> {
            request.setRemoteAddr("192.0.2.10");
            return request;
        }));
        assertThat(elsewhere.getStatus()).isEqualTo(200);
    }

    private MockHttpServletRequestBuilder loginRequest() {
        return post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "admin").param("password", WebFixture.ADMIN_PASSWORD);
    }

    private MockHttpServletResponse login(String username, String password) throws Exception {
        return perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username).param("password", password));
    }
}
