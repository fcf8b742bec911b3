package io.bookingservice.domain.testing;

import io.bookingservice.domain.booking.Address;
import io.bookingservice.domain.booking.Booking;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import java.time.Instant;

/**
 * Builds stored-looking bookings for tests, through the reconstitution constructors (so any
 * state, legacy ones included, can be set up directly):
 * {@code aBooking().ownedBy(alice).withStatus(ACCEPTED).at(tenAm).lasting(60).build()}.
 * Times are whole minutes, so they survive any storage precision unchanged.
 *
 * <p>The one place test code builds a {@link Booking}: published in the domain's test-jar,
 * so the domain's own tests, the application's and every adapter's use the same defaults,
 * and a new field is added here once.
 */
public final class BookingBuilder {

    /** Far enough ahead of {@link #CREATED_AT} that new-input rules never refuse it. */
    public static final Instant DEFAULT_EVENT_TIME = Instant.parse("2030-07-01T10:00:00Z");
    public static final Instant CREATED_AT = Instant.parse("2030-01-01T08:00:00Z");
    public static final Address DEFAULT_ADDRESS =
            new Address("1 Main Street", "Springfield", "IL", "United States");

    private BookingId id;
    private Instant eventTime = DEFAULT_EVENT_TIME;
    private Address address = DEFAULT_ADDRESS;
    private int durationMinutes = 60;
    private String topic = "Hexagonal architecture";
    private String requestedBy = "contact@example.com";
    private BookingStatus status = BookingStatus.PENDING;
    private UserId submittedBy;
    private Instant createdAt = CREATED_AT;
    private Instant updatedAt = CREATED_AT;
    private UserId decidedBy;
    private Instant decidedAt;
    private long version;

    private BookingBuilder() {
    }

    public static BookingBuilder aBooking() {
        return new BookingBuilder();
    }

    /** A copy of {@code booking} to change a few fields of. */
    public static BookingBuilder from(Booking booking) {
        BookingBuilder b = new BookingBuilder();
        b.id = booking.id();
        b.eventTime = booking.request().eventTime();
        b.address = booking.request().address();
        b.durationMinutes = booking.request().durationMinutes();
        b.topic = booking.request().topic();
        b.requestedBy = booking.request().requestedBy();
        b.status = booking.decision().status();
        b.decidedBy = booking.decision().decidedBy();
        b.decidedAt = booking.decision().decidedAt();
        b.submittedBy = booking.audit().submittedBy();
        b.createdAt = booking.audit().createdAt();
        b.updatedAt = booking.audit().updatedAt();
        b.version = booking.version();
        return b;
    }

    /**
     * A row as the Python service left it: no owner, no creation or update time, no decision
     * record, an empty topic. Combine with {@link #withoutEventTime()}, {@link #lasting(int)} or
     * {@link #withTopic(String)} for other legacy values.
     */
    public static BookingBuilder aLegacyBooking() {
        BookingBuilder b = new BookingBuilder();
        b.createdAt = null;
        b.updatedAt = null;
        b.topic = "";
        return b;
    }

    public BookingBuilder withId(long value) {
        this.id = new BookingId(value);
        return this;
    }

    public BookingBuilder withId(BookingId value) {
        this.id = value;
        return this;
    }

    /** Not stored yet: no id. */
    public BookingBuilder withoutId() {
        this.id = null;
        return this;
    }

    public BookingBuilder at(Instant when) {
        this.eventTime = when;
        return this;
    }

    public BookingBuilder withoutEventTime() {
        this.eventTime = null;
        return this;
    }

    public BookingBuilder lasting(int minutes) {
        this.durationMinutes = minutes;
        return this;
    }

    public BookingBuilder withAddress(Address value) {
        this.address = value;
        return this;
    }

    public BookingBuilder withTopic(String value) {
        this.topic = value;
        return this;
    }

    public BookingBuilder requestedBy(String email) {
        this.requestedBy = email;
        return this;
    }

    public BookingBuilder withStatus(BookingStatus value) {
        this.status = value;
        return this;
    }

    public BookingBuilder ownedBy(User owner) {
        return ownedBy(owner.id());
    }

    public BookingBuilder ownedBy(UserId owner) {
        this.submittedBy = owner;
        return this;
    }

    public BookingBuilder withoutOwner() {
        this.submittedBy = null;
        return this;
    }

    /** Created (and last changed) at {@code value}. */
    public BookingBuilder createdAt(Instant value) {
        this.createdAt = value;
        this.updatedAt = value;
        return this;
    }

    public BookingBuilder updatedAt(Instant value) {
        this.updatedAt = value;
        return this;
    }

    /** Decided (and last changed) by {@code decider} at {@code when}; the status is set apart. */
    public BookingBuilder decidedBy(User decider, Instant when) {
        return decidedBy(decider.id(), when);
    }

    public BookingBuilder decidedBy(UserId decider, Instant when) {
        this.decidedBy = decider;
        this.decidedAt = when;
        this.updatedAt = when;
        return this;
    }

    public BookingBuilder withVersion(long value) {
        this.version = value;
        return this;
    }

    public Booking build() {
        return new Booking(id,
                new Booking.Request(eventTime, address, durationMinutes, topic, requestedBy),
                new Booking.Decision(status, decidedBy, decidedAt),
                new Booking.Audit(submittedBy, createdAt, updatedAt),
                version);
    }
}
