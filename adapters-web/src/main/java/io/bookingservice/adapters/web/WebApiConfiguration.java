package io.bookingservice.adapters.web;

import io.bookingservice.adapters.web.console.ConsoleAssets;
import io.bookingservice.adapters.web.docs.DocsUi;
import io.bookingservice.adapters.web.error.ProblemWriter;
import io.bookingservice.adapters.web.filter.BodySizeLimitFilter;
import io.bookingservice.adapters.web.filter.RequestIdFilter;
import io.bookingservice.adapters.web.filter.UncaughtFailureFilter;
import io.bookingservice.adapters.web.metrics.ApiMetrics;
import io.bookingservice.adapters.web.metrics.RequestMetricsFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.CompositeFilter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API: Spring MVC, the controllers of this module (scanned only within
 * {@code io.bookingservice.adapters.web}), JSON and error handling. Import it together with
 * {@link WebSecurityConfiguration}.
 *
 * <p>The bootstrap must provide these beans:
 * <ul>
 *   <li>the use cases of {@code io.bookingservice.application.port.in}: {@code SubmitBookingUseCase},
 *       {@code GetBookingUseCase}, {@code ListBookingsUseCase}, {@code DecideOnBookingUseCase},
 *       {@code RescheduleBookingUseCase}, {@code DeleteBookingUseCase}, {@code LogInUseCase},
 *       {@code FindUserUseCase}, {@code AdministerUsersUseCase}, {@code ChangeOwnPasswordUseCase},
 *       {@code CheckHealthUseCase} (never {@code OperateAccountsUseCase}: the operator's port)
 *       (one bean may implement several, as the application services do);</li>
 *   <li>{@link io.bookingservice.adapters.web.auth.AccessTokens}, the token signer for {@code POST /token}
 *       (e.g. {@link io.bookingservice.adapters.web.auth.SignedAccessTokens} on the Ed25519 signer);</li>
 *   <li>{@link io.bookingservice.adapters.web.security.LoginThrottle} for {@code POST /token} and
 *       {@code PUT /users/me/password}, over a Bucket4j {@code ProxyManager} the bootstrap chooses;</li>
 *   <li>{@code org.springframework.security.oauth2.jwt.JwtDecoder} (see {@link WebSecurityConfiguration});</li>
 *   <li>{@link WebSettings};</li>
 *   <li>optionally an {@code io.micrometer.core.instrument.MeterRegistry}: request and decision meters
 *       go there (unless {@link WebSettings#metricsEnabled()} is off). This adapter does not serve them:
 *       exposing the registry (for Prometheus, on a management port) is the bootstrap's business.</li>
 * </ul>
 *
 * <p>And register two servlet filters, in this order, in front of the {@code DispatcherServlet}:
 * {@code new DelegatingFilterProxy(}{@value #REQUEST_FILTER}{@code , context)} (request id,
 * request metrics, uncaught failures, trailing slash, body size limit), then {@code new DelegatingFilterProxy("springSecurityFilterChain", context)}.
 * The first must come first: security matchers must see normalised paths.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
@ComponentScan(basePackages = "io.bookingservice.adapters.web", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
                classes = {RestController.class, RestControllerAdvice.class}))
public class WebApiConfiguration implements WebMvcConfigurer {

    /** Name of the API's {@link JsonMapper} bean; qualified so that it never clashes with another mapper. */
    public static final String JSON_MAPPER = "webJsonMapper";
    /** Name of the filter bean to register before {@code springSecurityFilterChain}. */
    public static final String REQUEST_FILTER = "webRequestFilter";

    private final JsonMapper json = jsonMapper();
    private final WebSettings settings;

    public WebApiConfiguration(WebSettings settings) {
        this.settings = settings;
    }

    /**
     * snake_case like the Python service, unknown members ignored as pydantic did, and
     * {@code java.time} values as ISO-8601 text ({@code 2024-11-05T14:00:00Z}), not numbers.
     * Buffers are recycled per thread: Jackson 3's default pool, a {@code ConcurrentLinkedDeque}
     * shared by all threads, cost 3 % of a page of 100's CPU under load in taking and returning a
     * buffer for every parser and generator (async-profiler). Jackson's maintainers found the
     * thread-local pool still the fastest for platform threads (jackson-core #1256, #1294); the
     * server's are (at most 64 request threads, so as many buffer sets).
     */
    public static JsonMapper jsonMapper() {
        return JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // 1e400 must stay a (huge) number, not become Infinity, so range checks can answer it.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    @Bean(JSON_MAPPER)
    public JsonMapper webJsonMapper() {
        return json;
    }

    @Bean
    public ProblemWriter problemWriter() {
        return new ProblemWriter(json);
    }

    /** The web console's files, read and hashed once (see {@code console/README.md}). */
    @Bean
    public ConsoleAssets consoleAssets() {
        return ConsoleAssets.load();
    }

    /**
     * On the bootstrap's {@link MeterRegistry} if it has one and metrics are on; with metrics off
     * nothing is recorded, even into a registry that is there.
     */
    @Bean
    public ApiMetrics apiMetrics(ObjectProvider<MeterRegistry> registry) {
        return new ApiMetrics(settings.metricsEnabled() ? registry.getIfAvailable() : null);
    }

    @Bean(REQUEST_FILTER)
    public CompositeFilter webRequestFilter(WebSettings settings, ProblemWriter problems, ApiMetrics metrics) {
        CompositeFilter filter = new CompositeFilter();
        // Failures escaping the security chain are answered inside the metrics filter, so
        // they are counted with the status the client saw.
        filter.setFilters(List.of(new RequestIdFilter(), new RequestMetricsFilter(metrics),
                new UncaughtFailureFilter(problems), trailingSlashFilter(),
                new BodySizeLimitFilter(settings.maxBodyBytes(), problems)));
        return filter;
    }

    /**
     * Spring's {@link UrlHandlerFilter} strips one trailing slash from the path ({@code /booking/} →
     * {@code /booking}, never {@code /}), so that routes and security matchers only ever see the
     * slash-less form: {@code /users/} cannot slip past a rule for {@code /users}. It must run
     * before the Spring Security filter chain. Both forms are served directly (the Python service
     * answered the slash-less one with a 307). The web console's files ({@code /assets/…}) are left
     * alone: they have exact names, and a relative reference resolved against
     * {@code /assets/app.js/} must not load the same file. Hence the pattern: any path whose first
     * segment is not {@code assets}.
     */
    static UrlHandlerFilter trailingSlashFilter() {
        return UrlHandlerFilter.trailingSlashHandler("/{first:(?!assets$).*}/**").wrapRequest().build();
    }

    /** The docs UI only when {@link WebSettings#docsUrl()} is set (off by default, as before). */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (settings.docsUrl() != null) {
            new DocsUi(settings.docsUrl()).register(registry);
        }
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        if (settings.docsUrl() != null) {
            new DocsUi(settings.docsUrl()).register(registry);
        }
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json));
    }
}
