package io.bookingservice.adapters.web.session;

import io.bookingservice.adapters.web.json.DateTimes;
import io.bookingservice.application.port.in.ManageSessionsUseCase;
import io.bookingservice.domain.user.Session;
import io.bookingservice.domain.user.User;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One's own sign-in sessions (list, end one, end all), and an admin ending all of an account's. */
@RestController
class SessionController {

    private final ManageSessionsUseCase sessions;

    SessionController(ManageSessionsUseCase sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/users/me/sessions")
    SessionsJson list(@AuthenticationPrincipal User user) {
        return new SessionsJson(sessions.listOwn(user).stream().map(SessionJson::from).toList());
    }

    /** Signs out everywhere, the calling token's session included. */
    @DeleteMapping("/users/me/sessions")
    ResponseEntity<Void> endAll(@AuthenticationPrincipal User user) {
        sessions.endAllOwn(user);
        return ResponseEntity.noContent().build();
    }

    /** 404 for a session that is not one's own, has ended or does not exist. */
    @DeleteMapping("/users/me/sessions/{id}")
    ResponseEntity<Void> end(@PathVariable("id") String id, @AuthenticationPrincipal User user) {
        sessions.endOwn(user, id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/users/{username}/sessions")
    ResponseEntity<Void> endAllOf(@PathVariable("username") String username, @AuthenticationPrincipal User admin) {
        sessions.endAllOf(username, admin);
        return ResponseEntity.noContent().build();
    }

    record SessionsJson(List<SessionJson> sessions) {
    }

    record SessionJson(String id, String createdAt, String lastUsedAt, String clientAddress, String userAgent) {

        static SessionJson from(Session session) {
            return new SessionJson(session.id().toString(), DateTimes.format(session.createdAt()),
                    DateTimes.format(session.lastUsedAt()), session.clientAddress(), session.userAgent());
        }
    }
}
