package io.bookingservice.application.port.in;

/** A new account; values are validated by the service (role code, password length, username). */
public record CreateUserCommand(String username, String password, String role, boolean disabled) {

    @Override
    public String toString() {
        return "CreateUserCommand[username=" + username + ", role=" + role + ", disabled=" + disabled + "]";
    }
}
