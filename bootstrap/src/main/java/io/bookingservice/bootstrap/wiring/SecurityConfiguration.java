package io.bookingservice.bootstrap.wiring;

import io.bookingservice.adapters.web.WebSettings;
import io.bookingservice.adapters.web.auth.LoginFloor;
import io.bookingservice.adapters.web.auth.SignedAccessTokens;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.Ed25519JwtDecoder;
import io.bookingservice.adapters.web.security.Ed25519JwtSigner;
import io.bookingservice.adapters.web.security.JwtKeyHolder;
import io.bookingservice.adapters.web.security.JwtSettings;
import io.bookingservice.adapters.web.security.VerifiedTokenCache;
import io.bookingservice.bootstrap.config.Settings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The Ed25519 token signer and decoder with the environment's keys (re-read
 * after a rotation: {@link SigningKeysConfiguration}), and the web adapter's settings: what its
 * configurations require from the root context.
 */
@Configuration(proxyBeanMethods = false)
@Import(SigningKeysConfiguration.class)
public class SecurityConfiguration {

    static final String ISSUER = "booking-service";
    static final String AUDIENCE = "booking-api";

    @Bean
    JwtSettings jwtSettings(Settings settings) {
        return JwtSettings.defaults(ISSUER, AUDIENCE).withAcceptLegacyTokens(settings.acceptLegacyTokens());
    }

    @Bean
    Ed25519JwtSigner tokenSigner(JwtKeyHolder keys, JwtSettings jwtSettings, Clock clock) {
        return new Ed25519JwtSigner(keys, jwtSettings, clock);
    }

    @Bean
    SignedAccessTokens accessTokens(Ed25519JwtSigner signer) {
        return new SignedAccessTokens(signer);
    }

    /** BOOKING_TRUSTED_PROXIES: whose forwarding headers name the client and the origin (none by default). */
    @Bean
    ClientAddressResolver clientAddressResolver(Settings settings) {
        return ClientAddressResolver.trusting(settings.trustedProxies());
    }

    /** BOOKING_LOGIN_FLOOR: failed logins answer no earlier than this after they arrived. */
    @Bean
    LoginFloor loginFloor(Settings settings) {
        return new LoginFloor(settings.loginFloor());
    }

    @Bean
    WebSettings webSettings(Settings settings) {
        return new WebSettings(settings.corsAllowedOrigins(), settings.docsUrl().orElse(null),
                WebSettings.DEFAULT_MAX_BODY_BYTES, settings.metricsEnabled());
    }

    /** The Ed25519 decoder behind a cache of the tokens it accepted (see {@link VerifiedTokenCache}). */
    @Bean
    JwtDecoder jwtDecoder(JwtKeyHolder keys, JwtSettings jwtSettings, Clock clock) {
        return new VerifiedTokenCache(new Ed25519JwtDecoder(keys, jwtSettings, clock), keys, jwtSettings, clock);
    }
}
