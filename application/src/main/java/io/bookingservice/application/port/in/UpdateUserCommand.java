package io.bookingservice.application.port.in;

/** An admin's change to an account; {@code null} fields stay as they are. */
public record UpdateUserCommand(String role, Boolean disabled, String newPassword) {

    @Override
    public String toString() {
        return "UpdateUserCommand[role=" + role + ", disabled=" + disabled + ", newPassword="
                + (newPassword == null ? "null" : "[redacted]") + "]";
    }
}
