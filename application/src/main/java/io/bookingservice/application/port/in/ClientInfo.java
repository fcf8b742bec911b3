package io.bookingservice.application.port.in;

/**
 * Where a session is used from, as the driving adapter saw it; shown to the user in their list
 * of sessions, never used to decide anything.
 *
 * @param address   the client address; may be {@code null}
 * @param userAgent the client's self-description; may be {@code null}
 */
public record ClientInfo(String address, String userAgent) {

    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);
}
