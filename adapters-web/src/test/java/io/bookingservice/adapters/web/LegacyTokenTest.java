package io.bookingservice.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.bookingservice.adapters.web.auth.SignedAccessTokens;
import io.bookingservice.adapters.web.security.Ed25519JwtDecoder;
import io.bookingservice.adapters.web.security.Ed25519JwtSigner;
import io.bookingservice.adapters.web.security.JwtKeys;
import io.bookingservice.adapters.web.security.JwtSettings;
import io.bookingservice.adapters.web.security.LegacyJwtFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Ed25519 signer and decoder behind the web layer, with the Python service's key: its
 * tokens keep working, its expired ones are told apart, and tokens we issue round-trip.
 */
class LegacyTokenTest {

    /** After the fixture's requester token expired (2026-11). */
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebFixture web = new WebFixture(WebSettings.defaults(), clock -> {
        clock.set(NOW);
        JwtKeys keys = JwtKeys.fromSecrets(resource("private_key_test"), resource("public_key_test"));
        JwtSettings settings = JwtSettings.defaults("https://booking.example.org", "booking-api");
        return new WebFixture.Tokens(new SignedAccessTokens(new Ed25519JwtSigner(keys, settings, clock)),
                new Ed25519JwtDecoder(keys, settings, clock));
    }).seededLikeTheLegacyDatabase();

    @AfterEach
    void close() {
        web.close();
    }

    private static String resource(String name) {
        try (InputStream in = LegacyTokenTest.class.getResourceAsStream("/legacy-jwt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockHttpServletResponse me(String token) throws Exception {
        return web.mvc.perform(get("/users/me").header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    @Test
    void aTokenInThePythonServicesShapeIsAccepted() throws Exception {
        MockHttpServletResponse response = me(LegacyJwtFixtures.pythonShapedToken("admin", "admin", NOW));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(response.getContentAsString()).get("username").stringValue()).isEqualTo("admin");
    }

    /** Issue 9 §6: signed with the real key, but no Python token ever lived past 30 minutes. */
    @Test
    void theAdminTokenValidUntil2035IsRefused() throws Exception {
        MockHttpServletResponse response = me(resource("admin-token-valid-until-2035.jwt"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(JSON.readTree(response.getContentAsString()).get("detail").stringValue())
                .isEqualTo("Could not validate credentials");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void anExpiredPythonTokenGetsTokenHasExpired() throws Exception {
        MockHttpServletResponse response = me(resource("requester-token-expired.jwt"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(JSON.readTree(response.getContentAsString()).get("detail").stringValue())
                .isEqualTo("Token has expired");
    }

    @Test
    void aTamperedTokenCannotBeValidated() throws Exception {
        String token = LegacyJwtFixtures.pythonShapedToken("admin", "admin", NOW);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        MockHttpServletResponse response = me(tampered);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(JSON.readTree(response.getContentAsString()).get("detail").stringValue())
                .isEqualTo("Could not validate credentials");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenFromPostTokenIsAcceptedByTheDecoder() throws Exception {
        MockHttpServletResponse login = web.mvc.perform(post("/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "speaker.office").param("password", WebFixture.REQUESTER_PASSWORD))
                .andReturn().getResponse();
        assertThat(login.getStatus()).isEqualTo(200);
        var body = JSON.readTree(login.getContentAsString());
        assertThat(body.get("expires_in").longValue()).isEqualTo(1800);
        assertThat(me(body.get("access_token").stringValue()).getStatus()).isEqualTo(200);
    }
}
