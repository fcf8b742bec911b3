package io.bookingservice.bootstrap.server;

import io.bookingservice.application.port.in.CheckHealthUseCase;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The stand-in web layer's endpoints. */
@RestController
final class Probe {

    private final CheckHealthUseCase health;

    Probe(CheckHealthUseCase health) {
        this.health = health;
    }

    @GetMapping("/probe/{name}")
    ResponseEntity<String> ready(@PathVariable("name") String name) {
        CheckHealthUseCase.Readiness readiness = health.readiness();
        return ResponseEntity.status(readiness == CheckHealthUseCase.Readiness.READY ? 200 : 503).body(readiness.name());
    }

    @GetMapping("/slow")
    String slow() throws InterruptedException {
        StandInWebConfiguration.SLOW_ENTERED.countDown();
        if (!StandInWebConfiguration.SLOW_RELEASE.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the slow request");
        }
        return "finished";
    }
}
