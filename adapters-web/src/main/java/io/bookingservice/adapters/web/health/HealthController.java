package io.bookingservice.adapters.web.health;

import io.bookingservice.application.port.in.CheckHealthUseCase;
import io.bookingservice.application.port.in.CheckHealthUseCase.Readiness;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /ping/} as the Python service answered it, and liveness/readiness for orchestrators. */
@RestController
class HealthController {

    private final CheckHealthUseCase health;

    HealthController(CheckHealthUseCase health) {
        this.health = health;
    }

    /** 400 for an outdated schema, as before; an unreachable database is a 503 like any other route's. */
    @GetMapping("/ping")
    ResponseEntity<Map<String, String>> ping() {
        return switch (health.readiness()) {
            case READY -> ResponseEntity.ok(Map.of("message", "ok"));
            case SCHEMA_OUTDATED -> ResponseEntity.badRequest().body(Map.of("message", "Database is not up-to-date yet"));
            case DATABASE_UNAVAILABLE -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("message", "Database is not reachable"));
        };
    }

    /** The process answers HTTP; deliberately never touches the database. */
    @GetMapping("/health/live")
    Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GetMapping("/health/ready")
    ResponseEntity<Map<String, String>> ready() {
        Readiness readiness = health.readiness();
        return ResponseEntity.status(readiness == Readiness.READY ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", readiness.name()));
    }
}
