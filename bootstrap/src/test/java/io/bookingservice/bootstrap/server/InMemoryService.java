package io.bookingservice.bootstrap.server;

import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The real server and web layer over in-memory persistence, on a free port, without metrics or shutdown grace. */
final class InMemoryService {

    private InMemoryService() {
    }

    static RunningService start(Path dataDirectory, String adminPassword) throws Exception {
        Map<String, String> environment = Map.of("PORT", "0", "BOOKING_PERSISTENCE", "memory",
                "BOOKING_DATA_DIR", dataDirectory.toString(), "BOOKING_SHUTDOWN_GRACE", "0",
                "BOOKING_ADMIN_PASSWORD", adminPassword, "BOOKING_METRICS", "off");
        Settings settings = SettingsLoader.load(Map.of(), environment);
        return RunningService.start(settings, BookingApplication.WEB_LAYER, Optional.empty(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
