package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Refresh tokens, sign-out and revocation over HTTP (issue 14), on the port fakes. */
class SessionFlowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OWN_ORIGIN = "http://localhost";

    private final WebFixture web = new WebFixture(new WebSettings(List.of("https://app.example.org"), null,
            WebSettings.DEFAULT_MAX_BODY_BYTES, true)).seededLikeTheLegacyDatabase().withOtherRequester();

    @AfterEach
    void close() {
        web.close();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return web.mvc.perform(request).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse login(String username, String password) throws Exception {
        return perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username).param("password", password));
    }

    private JsonNode loginAsRequester() throws Exception {
        MockHttpServletResponse response = login("speaker.office", WebFixture.REQUESTER_PASSWORD);
        assertThat(response.getStatus()).isEqualTo(200);
        return json(response);
    }

    private MockHttpServletResponse refresh(String refreshToken) throws Exception {
        return perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "refresh_token").param("refresh_token", refreshToken));
    }

    private int me(JsonNode tokens) throws Exception {
        return perform(get("/users/me").header("Authorization", "Bearer " + tokens.get("access_token").stringValue()))
                .getStatus();
    }

    private static String refreshTokenOf(JsonNode tokens) {
        return tokens.get("refresh_token").stringValue();
    }

    @Test
    void thePasswordGrantAddsARefreshTokenAndKeepsEveryLegacyMember() throws Exception {
        MockHttpServletResponse response = login("speaker.office", WebFixture.REQUESTER_PASSWORD);

        JsonNode body = json(response);
        assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(body.get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(body.get("expires_in").longValue()).isEqualTo(1800);
        assertThat(refreshTokenOf(body)).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Set-Cookie")).as("scripts get no cookie").isNull();
        assertThat(me(body)).isEqualTo(200);
    }

    @Test
    void aRefreshRotatesBothTokensAndKeepsTheSession() throws Exception {
        JsonNode first = loginAsRequester();
        web.clock.advance(Duration.ofMinutes(25));

        MockHttpServletResponse response = refresh(refreshTokenOf(first));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        JsonNode second = json(response);
        assertThat(refreshTokenOf(second)).isNotEqualTo(refreshTokenOf(first));
        assertThat(second.get("access_token").stringValue()).isNotEqualTo(first.get("access_token").stringValue());
        assertThat(second.get("expires_in").longValue()).isEqualTo(1800);
        assertThat(me(second)).isEqualTo(200);
        assertThat(me(first)).as("the older access token of the same live session").isEqualTo(200);
        assertThat(web.sessions.all()).hasSize(1);
    }

    @Test
    void reusingARefreshTokenRevokesTheSessionAndItsAccessTokens() throws Exception {
        JsonNode first = loginAsRequester();
        JsonNode second = json(refresh(refreshTokenOf(first)));

        MockHttpServletResponse reuse = refresh(refreshTokenOf(first));

        assertThat(reuse.getStatus()).isEqualTo(401);
        assertThat(reuse.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(json(reuse).get("detail").stringValue()).isEqualTo("Invalid refresh token");
        assertThat(refresh(refreshTokenOf(second)).getStatus()).isEqualTo(401);
        MockHttpServletResponse refused = perform(get("/users/me")
                .header("Authorization", "Bearer " + second.get("access_token").stringValue()));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(json(refused).get("detail").stringValue()).isEqualTo("Session has ended");
    }

    @Test
    void unknownUsedAndExpiredRefreshTokensGetTheSameAnswer() throws Exception {
        JsonNode used = loginAsRequester();
        refresh(refreshTokenOf(used));
        JsonNode idle = loginAsRequester();
        web.clock.advance(Duration.ofHours(8));

        List<MockHttpServletResponse> answers = List.of(refresh("no-such-token"), refresh(refreshTokenOf(used)),
                refresh(refreshTokenOf(idle)));

        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).isEqualTo(401);
            assertThat(answer.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(answer.getContentAsString()).isEqualTo(answers.get(0).getContentAsString());
        }
    }

    @Test
    void aSessionExpiresAfterItsMaximumLifetimeEvenWhenRefreshed() throws Exception {
        JsonNode current = loginAsRequester();
        for (int hour = 6; hour < 7 * 24; hour += 6) {
            web.clock.advance(Duration.ofHours(6));
            MockHttpServletResponse response = refresh(refreshTokenOf(current));
            assertThat(response.getStatus()).as("after %d hours", hour).isEqualTo(200);
            current = json(response);
        }
        web.clock.advance(Duration.ofHours(6));

        assertThat(refresh(refreshTokenOf(current)).getStatus()).isEqualTo(401);
    }

    @Test
    void aMissingRefreshTokenIsAValidationError() throws Exception {
        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "refresh_token"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(json(response).get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"refresh_token\"]");
    }

    @Test
    void theRefreshGrantIsThrottledPerAddressLikeThePasswordGrant() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(refresh("guess-" + i).getStatus());
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        MockHttpServletResponse throttled = refresh("guess-again");
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();
        assertThat(login("speaker.office", WebFixture.REQUESTER_PASSWORD).getStatus())
                .as("the password grant of a real user from there is not locked by it").isEqualTo(200);
    }

    @Test
    void aBrowserGetsTheRefreshTokenInAStrictHttpOnlyCookieOnly() throws Exception {
        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", OWN_ORIGIN)
                .param("username", "speaker.office").param("password", WebFixture.REQUESTER_PASSWORD));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).has("refresh_token")).as("never readable by script").isFalse();
        String cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("booking_refresh=").contains("; Path=/token", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("Secure", "Max-Age", "Domain");
    }

    @Test
    void overTlsTheCookieIsSecure() throws Exception {
        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .with(request -> {
                    request.setScheme("https");
                    request.setServerPort(443);
                    request.setSecure(true);
                    return request;
                })
                .header("Origin", "https://localhost")
                .param("username", "speaker.office").param("password", WebFixture.REQUESTER_PASSWORD));

        assertThat(response.getHeader("Set-Cookie")).contains("; Secure", "; HttpOnly", "; SameSite=Strict",
                "; Path=/token");
    }

    private Cookie browserLogin() throws Exception {
        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", OWN_ORIGIN)
                .param("username", "speaker.office").param("password", WebFixture.REQUESTER_PASSWORD));
        return response.getCookie("booking_refresh");
    }

    @Test
    void aBrowserRefreshesWithItsCookieAndGetsTheNextOneInACookie() throws Exception {
        Cookie first = browserLogin();

        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", OWN_ORIGIN).cookie(first).param("grant_type", "refresh_token"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).has("refresh_token")).isFalse();
        Cookie next = response.getCookie("booking_refresh");
        assertThat(next.getValue()).isNotEqualTo(first.getValue()).isNotEmpty();
        assertThat(me(json(response))).isEqualTo(200);
    }

    @Test
    void aCrossSiteRefreshIsRefusedAndDoesNotUseTheToken() throws Exception {
        Cookie cookie = browserLogin();

        MockHttpServletResponse crossSite = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", "https://evil.example").cookie(cookie).param("grant_type", "refresh_token"));
        MockHttpServletResponse fetchMetadataOnly = perform(post("/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Sec-Fetch-Site", "cross-site")
                .cookie(cookie).param("grant_type", "refresh_token"));

        assertThat(crossSite.getStatus()).isEqualTo(403);
        assertThat(fetchMetadataOnly.getStatus()).isEqualTo(403);
        MockHttpServletResponse ownSite = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", OWN_ORIGIN).cookie(cookie).param("grant_type", "refresh_token"));
        assertThat(ownSite.getStatus()).as("the cookie's token was not spent by the refused requests")
                .isEqualTo(200);
    }

    @Test
    void aCookieWithoutAnOriginIsNotHonoured() throws Exception {
        Cookie cookie = browserLogin();

        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie(cookie).param("grant_type", "refresh_token"));

        assertThat(response.getStatus()).isEqualTo(422);
    }

    @Test
    void aRefusedCookieIsClearedInTheBrowser() throws Exception {
        MockHttpServletResponse response = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", OWN_ORIGIN).cookie(new Cookie("booking_refresh", "stale"))
                .param("grant_type", "refresh_token"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Set-Cookie")).startsWith("booking_refresh=;").contains("Max-Age=0",
                "Path=/token");
    }

    @Test
    void revokingARefreshTokenSignsOut() throws Exception {
        JsonNode tokens = loginAsRequester();

        MockHttpServletResponse revoked = perform(post("/token/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("token", refreshTokenOf(tokens)));

        assertThat(revoked.getStatus()).isEqualTo(200);
        assertThat(me(tokens)).isEqualTo(401);
        assertThat(refresh(refreshTokenOf(tokens)).getStatus()).isEqualTo(401);
        assertThat(perform(post("/token/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("token", "unknown")).getStatus()).as("RFC 7009: unknown tokens too").isEqualTo(200);
    }

    @Test
    void aBrowserSignsOutWithItsCookie() throws Exception {
        Cookie cookie = browserLogin();

        MockHttpServletResponse revoked = perform(post("/token/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Origin", OWN_ORIGIN).cookie(cookie));

        assertThat(revoked.getStatus()).isEqualTo(200);
        assertThat(revoked.getHeader("Set-Cookie")).contains("Max-Age=0");
        assertThat(perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Origin", OWN_ORIGIN).cookie(cookie).param("grant_type", "refresh_token")).getStatus())
                .isEqualTo(401);
    }

    @Test
    void usersListTheirSessionsAndEndOneOrAll() throws Exception {
        web.clock.advance(Duration.ofSeconds(1));
        JsonNode laptop = loginAsRequester();
        web.clock.advance(Duration.ofSeconds(1));
        MockHttpServletResponse phoneLogin = perform(post("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("User-Agent", "Phone/1.0")
                .param("username", "speaker.office").param("password", WebFixture.REQUESTER_PASSWORD));
        JsonNode phone = json(phoneLogin);
        String bearer = "Bearer " + laptop.get("access_token").stringValue();

        JsonNode listed = json(perform(get("/users/me/sessions").header("Authorization", bearer)));

        assertThat(listed.get("sessions")).hasSize(2);
        JsonNode newest = listed.get("sessions").get(0);
        assertThat(newest.propertyNames()).containsExactly("id", "created_at", "last_used_at", "client_address",
                "user_agent");
        assertThat(newest.get("user_agent").stringValue()).isEqualTo("Phone/1.0");
        assertThat(newest.get("created_at").stringValue()).isEqualTo("2024-10-01T08:00:02Z");
        assertThat(newest.get("client_address").stringValue()).isEqualTo("127.0.0.1");

        String phoneId = newest.get("id").stringValue();
        assertThat(perform(delete("/users/me/sessions/" + phoneId).header("Authorization", bearer)).getStatus())
                .isEqualTo(204);
        assertThat(me(phone)).isEqualTo(401);
        assertThat(me(laptop)).isEqualTo(200);
        assertThat(perform(delete("/users/me/sessions/" + phoneId).header("Authorization", bearer)).getStatus())
                .as("already ended").isEqualTo(404);

        assertThat(perform(delete("/users/me/sessions").header("Authorization", bearer)).getStatus()).isEqualTo(204);
        assertThat(me(laptop)).isEqualTo(401);
    }

    @Test
    void nobodyEndsSomeoneElsesSession() throws Exception {
        JsonNode requesters = loginAsRequester();
        String sessionId = web.sessions.all().get(0).id().toString();
        JsonNode other = json(login("other.requester", WebFixture.OTHER_PASSWORD));

        MockHttpServletResponse response = perform(delete("/users/me/sessions/" + sessionId)
                .header("Authorization", "Bearer " + other.get("access_token").stringValue()));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(me(requesters)).isEqualTo(200);
    }

    @Test
    void anAdminEndsAllSessionsOfAUserAndOnlyAnAdminMay() throws Exception {
        JsonNode requesters = loginAsRequester();

        assertThat(perform(delete("/users/admin/sessions").header("Authorization",
                "Bearer " + requesters.get("access_token").stringValue())).getStatus()).isEqualTo(403);
        assertThat(perform(delete("/users/speaker.office/sessions").header("Authorization", web.bearer("admin")))
                .getStatus()).isEqualTo(204);
        assertThat(perform(delete("/users/nobody/sessions").header("Authorization", web.bearer("admin")))
                .getStatus()).isEqualTo(404);

        assertThat(me(requesters)).isEqualTo(401);
        assertThat(refresh(refreshTokenOf(requesters)).getStatus()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeInTheSameSecondEndsTheSessionsTokens() throws Exception {
        JsonNode before = loginAsRequester();
        // iat has whole seconds: a token signed 0.4 s before the change would pass the iat check.
        web.clock.advance(Duration.ofMillis(400));

        MockHttpServletResponse changed = perform(put("/users/me/password")
                .header("Authorization", "Bearer " + before.get("access_token").stringValue())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"current_password\": \"Requester#Pass1\", \"new_password\": \"a-much-better-one\"}"));

        assertThat(changed.getStatus()).isEqualTo(204);
        assertThat(me(before)).isEqualTo(401);
        assertThat(refresh(refreshTokenOf(before)).getStatus()).isEqualTo(401);
        assertThat(me(json(login("speaker.office", "a-much-better-one")))).isEqualTo(200);
    }

    @Test
    void anAdminsResetOrDisablingEndsTheSessions() throws Exception {
        JsonNode reset = loginAsRequester();
        perform(patch("/users/speaker.office").header("Authorization", web.bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\": \"reset-by-admin-1\"}"));
        assertThat(refresh(refreshTokenOf(reset)).getStatus()).isEqualTo(401);
        assertThat(me(reset)).isEqualTo(401);

        JsonNode disabled = json(login("speaker.office", "reset-by-admin-1"));
        perform(patch("/users/speaker.office").header("Authorization", web.bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"disabled\": true}"));
        assertThat(refresh(refreshTokenOf(disabled)).getStatus()).isEqualTo(401);
        assertThat(me(disabled)).as("a disabled account is still told so").isEqualTo(403);
    }

    @Test
    void aTokenWithoutASessionIdKeepsWorkingAsBefore() throws Exception {
        assertThat(perform(get("/users/me").header("Authorization", web.bearer("speaker.office"))).getStatus())
                .isEqualTo(200);
    }
}
