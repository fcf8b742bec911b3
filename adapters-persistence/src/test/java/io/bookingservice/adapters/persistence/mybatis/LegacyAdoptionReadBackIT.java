package io.bookingservice.adapters.persistence.mybatis;

import static io.bookingservice.domain.testing.BookingBuilder.aLegacyBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.bookingservice.application.port.in.SubmitBookingCommand;
import io.bookingservice.application.port.out.BookingRepository;
import io.bookingservice.application.port.out.UserRepository;
import io.bookingservice.application.service.BookingService;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingDetails;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import io.bookingservice.migrations.testing.LegacyFixture;
import io.bookingservice.migrations.testing.TestDatabase;
import io.bookingservice.migrations.testing.TestFlyway;
import io.bookingservice.migrations.testing.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python service's database, adopted (baselined at 2, migrated to head), read back
 * through the adapters: every legacy value as the Python service wrote it.
 */
class LegacyAdoptionReadBackIT {

    private static PostgresFixture db;
    private static BookingRepository bookings;
    private static UserRepository users;

    @BeforeAll
    static void adopt() {
        TestDatabase legacy = TestPostgres.createDatabase();
        LegacyFixture.loadInto(legacy);
        TestFlyway.configure(legacy).baselineVersion("2").baselineOnMigrate(true).load().migrate();
        db = PostgresFixture.over(legacy);
        bookings = db.persistence.bookings();
        users = db.persistence.users();
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @Test
    void everyLegacyBookingReadsBackWithItsValues() {
        assertThat(booking(1)).isEqualTo(legacy(1, "2024-11-05T14:00:00Z",
                new Address("1 Infinite Loop", "Cupertino", "CA", "United States"), 60, "Statistical Learning",
                "events@example.com", BookingStatus.ACCEPTED));
        assertThat(booking(2)).isEqualTo(legacy(2, "2024-11-05T14:30:00Z",
                new Address("10 Downing Street", "London", null, "United Kingdom"), 45, "Bayesian Methods",
                "uk.office@example.org", BookingStatus.ACCEPTED));
        assertThat(booking(3)).isEqualTo(legacy(3, "2024-12-01T09:00:00Z",
                new Address("1-1 Chiyoda", "Tokyo", null, "Japan"), 90, "Time Series", "tokyo@example.jp",
                BookingStatus.REJECTED));
        assertThat(booking(4)).isEqualTo(legacy(4, "2025-01-15T18:00:00Z",
                new Address("Unter den Linden 77", "Berlin", null, "Germany"), 30, "Causal Inference",
                "berlin@example.de", BookingStatus.PENDING));
        assertThat(booking(5)).isEqualTo(legacy(5, "2025-02-20T10:15:00.25Z",
                new Address("Rua Augusta 100", "Lisboa", "Lisboa", "Portugal"), 120, "Deep Learning",
                "pt@example.pt", BookingStatus.PENDING));
    }

    @Test
    void everyLegacyUserReadsBackWithItsHashUntouched() {
        assertThat(users.list()).extracting(u -> u.id().value(), u -> u.username().value(), User::disabled, User::role)
                .startsWith(
                        tuple(1L, "admin", false, Role.ADMIN),
                        tuple(2L, "speaker.office", false, Role.REQUESTER),
                        tuple(3L, "old.requester", true, Role.REQUESTER));
        assertThat(users.findByUsername(new Username("admin")).orElseThrow().passwordHash().value())
                .isEqualTo("$2b$12$NjNQgZarzNYj4ylwSXrstut35wV7ZroDwaF8MhDD1lpgM9FrHmogu");
        assertThat(users.findById(new UserId(2)).orElseThrow().passwordHash().value())
                .isEqualTo("$2b$12$UDDtqv8zQjbyR5dfog9lA.P6mHzQ78NmjQ.2VtiZZDdxOroy332Me");
        assertThat(users.findById(new UserId(3)).orElseThrow().passwordHash().value())
                .isEqualTo("$2b$12$WEN3lQU4FUCZ1XucqaMXReU.k3Mo5J3dkZwuwFik09WMIBJVHPW7u");
        assertThat(users.findById(new UserId(1)).orElseThrow().passwordChangedAt()).isNull();
    }

    @Test
    void theTwoOverlappingAcceptedLegacyBookingsAreGrandfathered() {
        assertThat(db.count("SELECT count(*) FROM booking_requests WHERE grandfathered AND id IN (1, 2)"))
                .isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM booking_requests WHERE grandfathered AND id IN (3, 4, 5)"))
                .isZero();
    }

    @Test
    void acceptingANewBookingThatOverlapsAGrandfatheredOneIsRefused() {
        Clock clock = Clock.fixed(Instant.parse("2024-11-05T12:00:00Z"), ZoneOffset.UTC);
        BookingService service = new BookingService(bookings, db.persistence.idempotencyStore(),
                db.persistence.transactions(), clock);
        User admin = users.findByUsername(new Username("admin")).orElseThrow();
        User requester = users.findByUsername(new Username("speaker.office")).orElseThrow();
        Booking submitted = service.submit(new SubmitBookingCommand(Instant.parse("2024-11-05T14:50:00Z"),
                new BookingDetails.AddressInput("1 Main St", "Springfield", null, "USA"), 30, "Overlapping talk",
                "new@example.com"), requester);

        // Overlaps booking 2 (14:30-15:15), which the exclusion constraint exempts: the application refuses it.
        assertThatThrownBy(() -> service.accept(submitted.id(), admin))
                .isInstanceOfSatisfying(OverlapException.class, e ->
                        assertThat(e.conflictingBookingId()).hasValueSatisfying(id -> assertThat(id).isIn(1L, 2L)));
        assertThat(bookings.findById(submitted.id()).orElseThrow().status()).isEqualTo(BookingStatus.PENDING);
    }

    private static Booking booking(long id) {
        return bookings.findById(new BookingId(id)).orElseThrow();
    }

    /** What the Python service wrote: no owner, no audit times, no decision record, version 0. */
    private static Booking legacy(long id, String eventTime, Address address, int minutes, String topic,
                                  String requestedBy, BookingStatus status) {
        return aLegacyBooking().withId(id).at(Instant.parse(eventTime)).withAddress(address).lasting(minutes)
                .withTopic(topic).requestedBy(requestedBy).withStatus(status).build();
    }
}
