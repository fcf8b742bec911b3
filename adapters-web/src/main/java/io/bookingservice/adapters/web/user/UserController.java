package io.bookingservice.adapters.web.user;

import static io.bookingservice.adapters.web.json.JsonInput.loc;

import io.bookingservice.adapters.web.error.RequestValidationException;
import io.bookingservice.adapters.web.error.TooManyAttemptsException;
import io.bookingservice.adapters.web.error.ViolationErrors;
import io.bookingservice.adapters.web.json.JsonInput;
import io.bookingservice.adapters.web.net.ClientAddressResolver;
import io.bookingservice.adapters.web.security.LoginThrottle;
import io.bookingservice.application.port.in.CreateUserCommand;
import io.bookingservice.application.port.in.AdministerUsersUseCase;
import io.bookingservice.application.port.in.ChangeOwnPasswordUseCase;
import io.bookingservice.application.port.in.UpdateUserCommand;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.user.User;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Accounts: one's own profile and password; admins list, create and change accounts. */
@RestController
class UserController {

    private static final List<Object> BODY = loc("body");

    private final AdministerUsersUseCase users;
    private final ChangeOwnPasswordUseCase passwords;
    private final LoginThrottle throttle;
    private final ClientAddressResolver clients;

    UserController(AdministerUsersUseCase users, ChangeOwnPasswordUseCase passwords, LoginThrottle throttle,
                   ObjectProvider<ClientAddressResolver> clients) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clients = clients.getIfAvailable(ClientAddressResolver::trustingNoProxies);
    }

    @GetMapping("/users/me")
    UserJson me(@AuthenticationPrincipal User user) {
        return UserJson.from(user);
    }

    /**
     * Confirms the current password; tokens issued before the change stop working. Two argon2
     * calls, so throttled per account and per client address (429 + {@code Retry-After}), with
     * at most a share of the hashing gate per account and per address: one requester cannot
     * starve everybody's logins.
     */
    @PutMapping(path = "/users/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changePassword(@RequestBody(required = false) JsonNode body,
                                        @AuthenticationPrincipal User user, HttpServletRequest request) {
        JsonInput in = new JsonInput();
        JsonNode object = JsonInput.requireObject(body);
        String current = in.string(object, BODY, "current_password", true);
        String next = in.string(object, BODY, "new_password", true);
        in.throwIfInvalid();
        // The client's address as for POST /token: forwarding headers count only from our own
        // proxies, so clients behind one proxy keep their own shares, and none can pick its address.
        try (LoginThrottle.PasswordChange change = throttle.startPasswordChange(
                Long.toString(user.id().value()), clients.clientAddress(request))) {
            if (!change.decision().allowed()) {
                throw new TooManyAttemptsException(change.decision().retryAfterSeconds(),
                        "Too many password change attempts; try again later");
            }
            validated(body, () -> passwords.changeOwnPassword(user, current, next));
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    UsersJson list(@AuthenticationPrincipal User admin) {
        return new UsersJson(users.list(admin).stream().map(UserJson::from).toList());
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserJson> create(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal User admin) {
        JsonInput in = new JsonInput();
        JsonNode object = JsonInput.requireObject(body);
        String username = in.string(object, BODY, "username", true);
        String password = in.string(object, BODY, "password", true);
        String role = in.string(object, BODY, "role", false);
        Boolean disabled = in.bool(object, BODY, "disabled", false);
        in.throwIfInvalid();
        User created = validated(body, () -> users.create(
                new CreateUserCommand(username, password, role, Boolean.TRUE.equals(disabled)), admin));
        URI location = URI.create("/users/" + URLEncoder.encode(created.username().value(), StandardCharsets.UTF_8));
        return ResponseEntity.created(location).body(UserJson.from(created));
    }

    /** Role, disabled flag and a password reset ({@code password}); absent members stay as they are. */
    @PatchMapping(path = "/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserJson update(@PathVariable("username") String username, @RequestBody(required = false) JsonNode body,
                    @AuthenticationPrincipal User admin) {
        JsonInput in = new JsonInput();
        JsonNode object = JsonInput.requireObject(body);
        String role = in.string(object, BODY, "role", false);
        Boolean disabled = in.bool(object, BODY, "disabled", false);
        String password = in.string(object, BODY, "password", false);
        in.throwIfInvalid();
        return UserJson.from(validated(body, () -> users.update(username,
                new UpdateUserCommand(role, disabled, password), admin)));
    }

    private static <T> T validated(JsonNode body, Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            throw new RequestValidationException(ViolationErrors.of(e.violations(), BODY, null));
        }
    }

    /** No password hash, ever. */
    record UserJson(String username, String role, boolean disabled) {

        static UserJson from(User user) {
            return new UserJson(user.username().value(), user.role().code(), user.disabled());
        }
    }

    record UsersJson(List<UserJson> users) {
    }
}
