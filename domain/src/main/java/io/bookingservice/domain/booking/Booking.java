package io.bookingservice.domain.booking;

import io.bookingservice.domain.InvalidTransitionException;
import io.bookingservice.domain.OverlapException;
import io.bookingservice.domain.PermissionDeniedException;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A talk booking request, the aggregate. Immutable: behaviour returns the new state.
 *
 * <p>Its fields come in three groups, each changed by its own kind of event: the
 * {@link Request} (what was asked for; a reschedule changes it), the {@link Decision} (an
 * admin's accept, reject or cancel) and the {@link Audit} (who submitted it, when it was
 * created and last changed). A new field joins exactly one group, so only that group's
 * record and the code that fills it learn of it.
 *
 * <p>The canonical constructors are the reconstitution path: they read stored rows back as
 * they are, without today's rules for new input (legacy rows may have an empty topic, a
 * duration up to 32767 minutes, no event time, no owner). New requests come from
 * {@link #submit}.
 *
 * @param id      {@code null} until stored
 * @param version optimistic-locking version, checked by the repository on update
 */
public record Booking(BookingId id, Request request, Decision decision, Audit audit, long version) {

    public Booking {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(audit, "audit");
    }

    /**
     * What the requester asked for, as stored.
     *
     * @param eventTime   {@code null} on some legacy rows
     * @param requestedBy contact e-mail only, never an identity
     */
    public record Request(Instant eventTime, Address address, int durationMinutes, String topic, String requestedBy) {

        public Request {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(requestedBy, "requestedBy");
        }

        /** The time the booking occupies; empty when it has no event time. */
        public Optional<TimeSlot> slot() {
            return eventTime == null || durationMinutes <= 0
                    ? Optional.empty()
                    : Optional.of(TimeSlot.ofMinutes(eventTime, durationMinutes));
        }
    }

    /**
     * Where the booking stands and who put it there.
     *
     * @param decidedBy the admin (or owner, for a cancellation) who last changed the status; {@code null} while pending
     * @param decidedAt when they did; {@code null} while pending
     */
    public record Decision(BookingStatus status, UserId decidedBy, Instant decidedAt) {

        public Decision {
            Objects.requireNonNull(status, "status");
        }

        /** Not decided yet. */
        public static Decision pending() {
            return new Decision(BookingStatus.PENDING, null, null);
        }
    }

    /**
     * Who submitted the booking and when it was created and last changed.
     *
     * @param submittedBy the owner; {@code null} on legacy rows (the Python service did not record it)
     * @param createdAt   {@code null} on legacy rows (unknown, not "now")
     */
    public record Audit(UserId submittedBy, Instant createdAt, Instant updatedAt) {

        /** Changed at {@code now}. */
        public Audit touched(Instant now) {
            return new Audit(submittedBy, createdAt, now);
        }
    }

    /** A new request by {@code submitter}, pending, owned by them. */
    public static Booking submit(BookingDetails details, User submitter, Clock clock) {
        Instant now = clock.instant();
        return new Booking(null, details.toRequest(), Decision.pending(), new Audit(submitter.id(), now, now), 0);
    }

    /** The booking's status (a shorthand for {@code decision().status()}). */
    public BookingStatus status() {
        return decision.status();
    }

    /** The time the booking occupies; empty when it has no event time. */
    public Optional<TimeSlot> slot() {
        return request.slot();
    }

    public boolean isOwnedBy(User user) {
        return audit.submittedBy() != null && user.owns(audit.submittedBy());
    }

    /** Admins see every booking; requesters only their own. */
    public boolean isVisibleTo(User user) {
        return user.isAdmin() || isOwnedBy(user);
    }

    /**
     * Accepts a pending request (admins only). Refused when it has no event time or when
     * it overlaps any accepted booking. Accepting an accepted booking changes nothing.
     */
    public Booking accept(User by, Clock clock, AcceptedBookings accepted) {
        requireAdmin(by);
        if (status() == BookingStatus.ACCEPTED) {
            return this;
        }
        requireTransition(BookingStatus.ACCEPTED, "accepted");
        TimeSlot slot = slot().orElseThrow(() -> new InvalidTransitionException(
                describe() + " has no event time; set one before accepting it."));
        ensureNoOverlap(slot, accepted);
        return decided(BookingStatus.ACCEPTED, by, clock.instant());
    }

    /** Rejects a pending request (admins only). Rejecting a rejected booking changes nothing. */
    public Booking reject(User by, Clock clock) {
        requireAdmin(by);
        if (status() == BookingStatus.REJECTED) {
            return this;
        }
        requireTransition(BookingStatus.REJECTED, "rejected");
        return decided(BookingStatus.REJECTED, by, clock.instant());
    }

    /**
     * Cancels a pending or accepted booking, by its owner or an admin. Cancelling a
     * cancelled booking changes nothing.
     */
    public Booking cancel(User by, Clock clock) {
        if (!by.isAdmin() && !isOwnedBy(by)) {
            throw new PermissionDeniedException();
        }
        if (status() == BookingStatus.CANCELLED) {
            return this;
        }
        requireTransition(BookingStatus.CANCELLED, "cancelled");
        return decided(BookingStatus.CANCELLED, by, clock.instant());
    }

    /**
     * Corrects or reschedules a request: its owner while it is pending, an admin while it
     * is pending or accepted. An accepted booking that moves must still not overlap.
     */
    public Booking reschedule(User by, BookingChanges changes, Clock clock, AcceptedBookings accepted) {
        if (!by.isAdmin() && !isOwnedBy(by)) {
            throw new PermissionDeniedException();
        }
        BookingStatus status = status();
        boolean open = status == BookingStatus.PENDING || (by.isAdmin() && status == BookingStatus.ACCEPTED);
        if (!open) {
            throw new InvalidTransitionException(describe() + " is " + status.code() + " and can no longer be changed"
                    + (by.isAdmin() ? "." : " by its requester."));
        }
        if (changes.isEmpty()) {
            return this;
        }
        Booking changed = new Booking(id, changes.applyTo(request), decision, audit.touched(clock.instant()), version);
        // Only a change of time can create a new double booking. Checking unchanged slots would
        // make typo fixes on grandfathered (already overlapping) legacy bookings impossible, and a
        // legacy accepted booking without event time has no slot to check at all.
        Optional<TimeSlot> newSlot = changed.slot();
        if (status == BookingStatus.ACCEPTED && newSlot.isPresent() && !newSlot.equals(slot())) {
            changed.ensureNoOverlap(newSlot.get(), accepted);
        }
        return changed;
    }

    /** The same booking as stored under {@code newId}. */
    public Booking withId(BookingId newId) {
        return new Booking(newId, request, decision, audit, version);
    }

    /** The same booking at the version the repository stored. */
    public Booking withVersion(long newVersion) {
        return new Booking(id, request, decision, audit, newVersion);
    }

    private void ensureNoOverlap(TimeSlot slot, AcceptedBookings accepted) {
        for (Booking other : accepted.overlapping(slot)) {
            boolean same = id != null && id.equals(other.id);
            if (!same && other.status() == BookingStatus.ACCEPTED
                    && other.slot().map(slot::overlaps).orElse(false)) {
                throw new OverlapException(id == null ? null : id.value(), other.id == null ? null : other.id.value());
            }
        }
    }

    private Booking decided(BookingStatus next, User by, Instant now) {
        return new Booking(id, request, new Decision(next, by.id(), now), audit.touched(now), version);
    }

    private void requireTransition(BookingStatus target, String verb) {
        if (!status().canBecome(target)) {
            throw new InvalidTransitionException(
                    describe() + " is " + status().code() + " and cannot be " + verb + ".");
        }
    }

    private static void requireAdmin(User by) {
        if (!by.isAdmin()) {
            throw new PermissionDeniedException();
        }
    }

    private String describe() {
        return id == null ? "This booking request" : "Booking request with ID " + id;
    }
}
