package io.bookingservice.adapters.web;

import io.bookingservice.adapters.web.auth.BearerTokenFilter;
import io.bookingservice.adapters.web.error.ProblemWriter;
import io.bookingservice.application.port.in.FindUserUseCase;
import io.bookingservice.application.port.in.ManageSessionsUseCase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless security for the API: bearer tokens checked by the bootstrap's {@link JwtDecoder},
 * the user loaded on every request ({@link BearerTokenFilter}), coarse role rules per route here
 * and the fine ones (ownership) in the use cases.
 *
 * <p>Requires the beans {@link JwtDecoder} (normally
 * {@link io.bookingservice.adapters.web.security.Ed25519JwtDecoder}: it refuses with a
 * {@link io.bookingservice.adapters.web.security.JwtRejectedException} whose reason tells an
 * expired token from an invalid one), {@link FindUserUseCase}, {@link ManageSessionsUseCase}, {@link WebSettings};
 * and {@link WebApiConfiguration}.
 * Paths are matched without a trailing slash: the request filter of {@link WebApiConfiguration}
 * strips it before this chain runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurityConfiguration {

    @Bean
    public SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, FindUserUseCase users,
                                                      ManageSessionsUseCase sessions, ProblemWriter problems,
                                                      WebSettings settings) {
        RequestMatcher publicRoutes = publicRoutes(settings);
        RequestMatcher docs = docsRoutes(settings);
        http
                // No server-side HTTP sessions, and a bearer header cannot be forged cross-site, so no
                // CSRF tokens. The one cookie, the refresh token's (Path=/token, SameSite=Strict), is
                // only honoured with an accepted Origin (TokenController).
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .cors(cors -> cors.configurationSource(cors(settings)))
                .headers(headers -> headers
                        // The API serves JSON only: nothing may load; the docs UI needs its own scripts and styles.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs),
                                new StaticHeadersWriter("Content-Security-Policy",
                                        "default-src 'none'; frame-ancestors 'none'")))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                                new StaticHeadersWriter("Content-Security-Policy", "default-src 'self'; "
                                        + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.unauthorized(request, response, "Bearer", "Not authenticated"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "Not enough permissions")))
                .addFilterBefore(new BearerTokenFilter(decoder, users, sessions, problems, publicRoutes),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(publicRoutes).permitAll()
                        .requestMatchers("/users/me", "/users/me/password", "/users/me/sessions",
                                "/users/me/sessions/*").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/users/*/sessions").hasRole("ADMIN")
                        .requestMatchers("/users", "/users/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/booking/accept", "/booking/reject", "/booking/*/accept",
                                "/booking/*/reject").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/booking/*").hasRole("ADMIN")
                        // Deny by default: a route added without a rule needs a signed-in user at least.
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Open to anyone; the docs UI only when it is switched on. */
    static RequestMatcher publicRoutes(WebSettings settings) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> open = new ArrayList<>(List.of(
                path.matcher(HttpMethod.POST, "/token"),
                // The refresh token is the credential (RFC 7009 §2.1 for public clients).
                path.matcher(HttpMethod.POST, "/token/revoke"),
                path.matcher(HttpMethod.GET, "/ping"),
                path.matcher(HttpMethod.GET, "/health/live"),
                path.matcher(HttpMethod.GET, "/health/ready"),
                path.matcher(HttpMethod.GET, "/openapi.json")));
        if (settings.metricsEnabled()) {
            open.add(path.matcher(HttpMethod.GET, "/metrics"));
        }
        open.add(docsRoutes(settings));
        return new OrRequestMatcher(open);
    }

    private static RequestMatcher docsRoutes(WebSettings settings) {
        if (settings.docsUrl() == null) {
            return request -> false;
        }
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        // Already normalised (leading slash, no trailing one) by WebSettings, as the docs UI uses it.
        String url = settings.docsUrl();
        return new OrRequestMatcher(path.matcher(HttpMethod.GET, url), path.matcher(HttpMethod.GET, url + "/**"));
    }

    /** Paths the firewall refuses ({@code ;}, {@code //}, encoded dots …) get a 400 problem, not a 500. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad Request");
    }

    private static UrlBasedCorsConfigurationSource cors(WebSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(settings.corsAllowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
            config.setExposedHeaders(List.of("Location", "X-Request-Id", "WWW-Authenticate"));
            config.setMaxAge(600L);
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }
}
