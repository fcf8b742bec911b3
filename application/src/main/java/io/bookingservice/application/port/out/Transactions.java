package io.bookingservice.application.port.out;

import java.util.function.Supplier;

/** A unit of work: everything {@code work} stores commits together or not at all. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
