package io.bookingservice.adapters.web;

import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import io.bookingservice.adapters.web.auth.AccessTokens;
import io.bookingservice.adapters.web.auth.LoginFloor;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.adapters.web.security.LoginThrottleSettings;
import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.application.port.out.PasswordHasher;
import io.bookingservice.application.service.BookingService;
import io.bookingservice.application.service.HealthService;
import io.bookingservice.application.service.SessionLimits;
import io.bookingservice.application.service.SessionService;
import io.bookingservice.application.service.UserService;
import io.bookingservice.application.testing.FakeBookingRepository;
import io.bookingservice.application.testing.FakeIdempotencyStore;
import io.bookingservice.application.testing.FakePasswordHasher;
import io.bookingservice.application.testing.FakeSchemaStatus;
import io.bookingservice.application.testing.FakeSessionRepository;
import io.bookingservice.application.testing.FakeUserRepository;
import io.bookingservice.application.testing.SerialTransactions;
import io.bookingservice.application.testing.TestClock;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingDetails.AddressInput;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.Username;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

/**
 * The web adapter as the bootstrap wires it: both configuration classes in a real web
 * application context, the real application services on the port fakes, the request filter
 * and the full Spring Security chain in front of the DispatcherServlet.
 */
final class WebFixture implements AutoCloseable {

    /** Before every recorded event time, so the legacy bookings are in the future. */
    static final Instant NOW = Instant.parse("2024-10-01T08:00:00Z");

    static final String ADMIN_PASSWORD = "Admin-Pass-2024!";
    static final String REQUESTER_PASSWORD = "Requester#Pass1";
    static final String DISABLED_PASSWORD = "Disabled#Pass1";
    static final String OTHER_PASSWORD = "Other#Pass123";

    /** The proxies whose forwarding headers name the client. */
    static final String TRUSTED_PROXIES = "10.0.0.0/8";

    final TestClock clock = new TestClock(NOW);
    final FakeBookingRepository bookings;
    final FakeUserRepository users = new FakeUserRepository();
    final FakeSessionRepository sessions = new FakeSessionRepository(users);
    final FakeSchemaStatus schema = new FakeSchemaStatus();
    final SerialTransactions transactions = new SerialTransactions();
    final TestTokens tokens = new TestTokens(clock);
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final BookingService bookingService;
    final SessionService sessionService;
    final AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
    final MockMvc mvc;

    WebFixture() {
        this(WebSettings.defaults());
    }

    WebFixture(WebSettings settings) {
        this(settings, new FakeBookingRepository(), clock -> null);
    }

    /** @param bookings a repository that may be rigged to fail, for the error paths */
    WebFixture(WebSettings settings, FakeBookingRepository bookings) {
        this(settings, bookings, clock -> null);
    }

    /** @param realTokens the real signer and decoder on this fixture's clock, instead of {@link TestTokens} */
    WebFixture(WebSettings settings, Function<TestClock, Tokens> realTokens) {
        this(settings, new FakeBookingRepository(), realTokens);
    }

    private WebFixture(WebSettings settings, FakeBookingRepository bookings, Function<TestClock, Tokens> realTokens) {
        this(settings, bookings, realTokens, new FakePasswordHasher(), new LoginThrottle(LoginThrottleSettings.DEFAULT));
    }

    /**
     * @param hasher   the password hasher behind the use cases (e.g. one behind a real hashing gate)
     * @param throttle the login and password-change throttle (e.g. over a store that fails)
     */
    WebFixture(WebSettings settings, PasswordHasher hasher, LoginThrottle throttle) {
        this(settings, new FakeBookingRepository(), clock -> null, hasher, throttle);
    }

    private WebFixture(WebSettings settings, FakeBookingRepository bookings, Function<TestClock, Tokens> realTokens,
                       PasswordHasher hasher, LoginThrottle throttle) {
        this.bookings = bookings;
        Tokens chosen = realTokens.apply(clock);
        // Two distinct beans, as the bootstrap has them: one object for both types would be ambiguous.
        Tokens issuerAndDecoder = chosen != null ? chosen : new Tokens(tokens.issuer(), tokens::decode);
        bookingService = new BookingService(bookings, new FakeIdempotencyStore(), transactions, clock);
        UserService userService = new UserService(users, sessions, hasher, transactions, clock, true);
        sessionService = new SessionService(sessions, users, transactions, clock, SessionLimits.DEFAULT,
                new SecureRandom());
        context.setServletContext(new MockServletContext());
        // What the bootstrap provides, as ready-made singletons.
        context.addBeanFactoryPostProcessor(beans -> {
            beans.registerSingleton("bookingService", bookingService);
            beans.registerSingleton("userService", userService);
            beans.registerSingleton("healthService", new HealthService(schema));
            beans.registerSingleton("sessionService", sessionService);
            beans.registerSingleton("accessTokens", issuerAndDecoder.issuer());
            beans.registerSingleton("jwtDecoder", issuerAndDecoder.decoder());
            beans.registerSingleton("clock", clock);
            beans.registerSingleton("webSettings", settings);
            beans.registerSingleton("meterRegistry", meters);
            beans.registerSingleton("loginThrottle", throttle);
            // As BOOKING_TRUSTED_PROXIES=10.0.0.0/8 would: MockMvc's own peer (127.0.0.1) is no proxy.
            beans.registerSingleton("clientAddressResolver", ClientAddressResolver.trusting(List.of(TRUSTED_PROXIES)));
            // Failed logins answer at once here; LoginFloorTest proves the floor on a fake clock.
            beans.registerSingleton("loginFloor", new LoginFloor(Duration.ZERO));
        });
        context.register(WebApiConfiguration.class, WebSecurityConfiguration.class);
        context.refresh();
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(WebApiConfiguration.REQUEST_FILTER, Filter.class))
                .apply(springSecurity())
                // Every exchange of every web test against openapi.yaml's schemas (see OpenApiContract).
                .alwaysDo(OpenApiContract.ofServedDocument())
                .build();
    }

    /** What the bootstrap provides for tokens: the signer behind {@code POST /token} and the decoder. */
    record Tokens(AccessTokens issuer, JwtDecoder decoder) {
    }

    /**
     * The state the Python service was recorded on: the fixture database's three users (legacy
     * hashes, no password change recorded) and five bookings (no owner, no creation time).
     */
    WebFixture seededLikeTheLegacyDatabase() {
        user("admin", ADMIN_PASSWORD, Role.ADMIN, false);
        user("speaker.office", REQUESTER_PASSWORD, Role.REQUESTER, false);
        user("old.requester", DISABLED_PASSWORD, Role.REQUESTER, true);
        legacy(4, "2025-01-15T18:00:00Z", new Address("Unter den Linden 77", "Berlin", null, "Germany"), 30,
                "Causal Inference", "berlin@example.de", BookingStatus.PENDING);
        legacy(5, "2025-02-20T10:15:00.250Z", new Address("Rua Augusta 100", "Lisboa", "Lisboa", "Portugal"), 120,
                "Deep Learning", "pt@example.pt", BookingStatus.PENDING);
        legacy(1, "2024-11-05T14:00:00Z", new Address("1 Infinite Loop", "Cupertino", "CA", "United States"), 60,
                "Statistical Learning", "events@example.com", BookingStatus.ACCEPTED);
        legacy(2, "2024-11-05T14:30:00Z", new Address("10 Downing Street", "London", null, "United Kingdom"), 45,
                "Bayesian Methods", "uk.office@example.org", BookingStatus.ACCEPTED);
        legacy(3, "2024-12-01T09:00:00Z", new Address("1-1 Chiyoda", "Tokyo", null, "Japan"), 90,
                "Time Series", "tokyo@example.jp", BookingStatus.REJECTED);
        return this;
    }

    /** A second requester, to show that requesters only see their own bookings. */
    WebFixture withOtherRequester() {
        user("other.requester", OTHER_PASSWORD, Role.REQUESTER, false);
        return this;
    }

    /** A legacy account: bcrypt-like hash that needs a re-hash, and no recorded password change. */
    User user(String name, String password, Role role, boolean disabled) {
        User created = users.create(new NewUser(new Username(name), FakePasswordHasher.legacyHashOf(password),
                disabled, role, NOW));
        return users.update(new User(created.id(), created.username(), created.passwordHash(), disabled, role, null));
    }

    User find(String name) {
        return users.findByUsername(new Username(name)).orElseThrow();
    }

    /** A new pending request owned by {@code username}, in the future of {@link #NOW}. */
    Booking submittedBy(String username, String eventTime) {
        return bookingService.submit(new SubmitBookingCommand(Instant.parse(eventTime),
                new AddressInput("221B Baker Street", "London", null, "GB"), 45, "Forecasting",
                "bookings@example.org"), find(username));
    }

    String tokenFor(String name) {
        User user = find(name);
        return tokens.validFor(name, user.role().code());
    }

    String bearer(String name) {
        return "Bearer " + tokenFor(name);
    }

    private void legacy(long id, String eventTime, Address address, int minutes, String topic, String contact,
                        BookingStatus status) {
        bookings.put(aLegacyBooking().withId(id).at(Instant.parse(eventTime)).withAddress(address).lasting(minutes)
                .withTopic(topic).requestedBy(contact).withStatus(status).build());
    }

    @Override
    public void close() {
        context.close();
    }
}
