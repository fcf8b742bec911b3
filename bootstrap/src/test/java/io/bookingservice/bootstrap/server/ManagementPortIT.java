package io.bookingservice.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.bookingservice.bootstrap.BookingApplication;
import io.bookingservice.bootstrap.config.SettingsLoader;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 §1: {@code /metrics} left the public port for a management port on loopback. */
class ManagementPortIT {

    @TempDir
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsAreServedOnTheManagementPortOnlyAndThePublicPortAnswers404() throws Exception {
        RunningService service = start(Map.of());
        try {
            assertThat(get(service.port(), "/ping").statusCode()).isEqualTo(200);
            int management = service.managementPort().orElseThrow();
            assertThat(management).isNotEqualTo(service.port());

            HttpResponse<String> scrape = get(management, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
            assertThat(scrape.body()).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/ping\"");

            HttpResponse<String> publicScrape = get(service.port(), "/metrics");
            assertThat(publicScrape.statusCode()).isEqualTo(404);
            assertThat(publicScrape.body()).doesNotContain("http_server_requests");
            assertThat(get(management, "/ping").statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(405);
        } finally {
            service.stop();
        }
    }

    @Test
    void theManagementPortIsBoundToLoopbackByDefault() throws Exception {
        InetAddress external = nonLoopbackAddress();
        assumeThat(external).as("this host has no non-loopback IPv4 address to try").isNotNull();
        RunningService service = start(Map.of());
        try {
            int management = service.managementPort().orElseThrow();
            assertThat(get(management, "/metrics").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external, management), 2000);
                }
            }).isInstanceOf(ConnectException.class);
        } finally {
            service.stop();
        }
    }

    @Test
    void switchedOffThereIsNoRegistryAndNoManagementPort() throws Exception {
        RunningService service = start(Map.of("BOOKING_METRICS", "off"));
        try {
            assertThat(get(service.port(), "/ping").statusCode()).isEqualTo(200);
            assertThat(service.managementPort()).isEmpty();
            assertThat(service.context().getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(get(service.port(), "/metrics").statusCode()).isEqualTo(404);
        } finally {
            service.stop();
        }
    }

    private RunningService start(Map<String, String> extra) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("PORT", "0", "BOOKING_PERSISTENCE", "memory",
                "BOOKING_DATA_DIR", dataDirectory.toString(), "BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!"));
        environment.putAll(extra);
        return RunningService.start(SettingsLoader.load(Map.of(), environment), BookingApplication.WEB_LAYER,
                Optional.empty(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }
}
