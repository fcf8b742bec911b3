package io.bookingservice.migrations.planted;

import io.bookingservice.domain.booking.BookingId;

/** Planted violation: a migration reading domain types, which may change after the migration ran. */
public class MigrationUsingTheDomain {
    BookingId id;
}
