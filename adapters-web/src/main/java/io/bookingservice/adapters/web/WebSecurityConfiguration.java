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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
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
        RequestMatcher console = consoleRoutes();
        RequestMatcher api = new NegatedRequestMatcher(new OrRequestMatcher(docs, console));
        http
                // No server-side HTTP sessions, and a bearer header cannot be forged cross-site, so no
                // CSRF tokens. The one cookie, the refresh token's (Path=/token, SameSite=Strict), is
                // only honoured with an accepted Origin (TokenController).
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterAt(corsFilter(settings, problems), CorsFilter.class)
                .headers(headers -> headers
                        // The API serves JSON only: nothing may load; the docs UI needs its own scripts and
                        // styles; the console loads its own files and talks to this origin only.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(api,
                                new StaticHeadersWriter("Content-Security-Policy",
                                        "default-src 'none'; frame-ancestors 'none'")))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(console,
                                new StaticHeadersWriter("Content-Security-Policy", CONSOLE_POLICY)))
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
                        .requestMatchers(HttpMethod.GET, "/booking/*/overlaps").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/booking/accept", "/booking/reject", "/booking/*/accept",
                                "/booking/*/reject").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/booking/*").hasRole("ADMIN")
                        // Deny by default: a route added without a rule needs a signed-in user at least.
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The console's policy: its own files only, no inline script or style, no third-party
     * origin (so it also works offline), never framed, and no {@code <base>} or form posting
     * elsewhere that could redirect what it loads or sends.
     */
    static final String CONSOLE_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** The web console: its page at {@code /} and its files; GET (and so HEAD) only. */
    static RequestMatcher consoleRoutes() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(path.matcher(HttpMethod.GET, "/"), path.matcher(HttpMethod.HEAD, "/"),
                path.matcher(HttpMethod.GET, "/assets/*"), path.matcher(HttpMethod.HEAD, "/assets/*"));
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
                path.matcher(HttpMethod.GET, "/openapi.json"),
                // Served on the management port now; here anyone gets a plain 404, so that a
                // scraper still pointed at the public port learns it moved, not that it needs a token.
                path.matcher(HttpMethod.GET, "/metrics")));
        open.add(docsRoutes(settings));
        open.add(consoleRoutes());
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

    /**
     * Spring's CORS filter, except that a refused request gets the API's problem+json 403
     * instead of the plain-text "Invalid CORS request".
     */
    private static CorsFilter corsFilter(WebSettings settings, ProblemWriter problems) {
        CorsFilter filter = new CorsFilter(cors(settings));
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                boolean valid = super.processRequest(config, request, response);
                if (!valid) {
                    problems.write(request, response, HttpStatus.FORBIDDEN, "Invalid CORS request");
                }
                return valid;
            }

            @Override
            protected void rejectRequest(ServerHttpResponse response) {
                // Written as a problem by processRequest, which knows the request.
            }
        });
        return filter;
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
