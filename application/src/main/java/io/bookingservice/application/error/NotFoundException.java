package io.bookingservice.application.error;

/** The thing does not exist, or is not visible to the acting user (which must look the same). */
public final class NotFoundException extends ApplicationException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException booking(long id) {
        return new NotFoundException("Booking request with ID " + id + " not found.");
    }

    public static NotFoundException user(String username) {
        return new NotFoundException("User '" + username + "' not found.");
    }
}
