package io.bookingservice.adapters.persistence.mybatis;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code booking_requests}; the statements are in {@code BookingMapper.xml} beside this interface. */
interface BookingMapper {

    /** Inserts and returns the row as stored (id from the sequence, version 0). */
    BookingRow insert(BookingRow row);

    BookingRow findById(@Param("id") long id);

    /**
     * Writes {@code row} if its version is still the stored one; returns the stored row at
     * version + 1, or {@code null} when no row has that id and version.
     */
    BookingRow updateIfVersion(BookingRow row);

    boolean exists(@Param("id") long id);

    /** Deletes and returns the row as it was, or {@code null}. */
    BookingRow delete(@Param("id") long id);

    /**
     * A keyset page.
     *
     * @param statuses status codes; empty = any
     * @param after    last id already seen, or {@code null}
     */
    List<BookingRow> list(@Param("statuses") List<String> statuses, @Param("from") Instant from,
                          @Param("to") Instant to, @Param("owner") Long owner, @Param("after") Long after,
                          @Param("limit") int limit);

    /**
     * A keyset page by {@code (event_time, id)}, rows without an event time last by id.
     *
     * @param afterTime    event time of the last row seen ({@code null} when it had none)
     * @param afterId      id of the last row seen, or {@code null} for the first page
     * @param afterUntimed whether the last row seen had no event time
     */
    List<BookingRow> listByEventTime(@Param("statuses") List<String> statuses, @Param("from") Instant from,
                                     @Param("to") Instant to, @Param("owner") Long owner,
                                     @Param("afterTime") Instant afterTime, @Param("afterId") Long afterId,
                                     @Param("afterUntimed") boolean afterUntimed, @Param("limit") int limit);

    /** Accepted rows overlapping {@code [start, end)}, grandfathered ones included. */
    List<BookingRow> findAcceptedOverlapping(@Param("start") Instant start, @Param("end") Instant end);

    /**
     * Serialises writes of accepted bookings until the end of the current transaction
     * (or savepoint, if it is rolled back).
     */
    void lockAcceptedWrites();

    /**
     * The accepted, non-grandfathered row other than {@code excludeId} that overlaps
     * {@code [start, end)}: the one the exclusion constraint compared against, or {@code null}.
     */
    Long findConstraintConflict(@Param("start") Instant start, @Param("end") Instant end,
                                @Param("excludeId") Long excludeId);
}
