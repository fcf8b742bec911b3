package io.bookingservice.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.application.port.in.LogInUseCase;
import io.bookingservice.bootstrap.config.Settings;
import io.bookingservice.bootstrap.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server (Jetty + Spring) on a free port, with in-memory persistence and a stand-in web layer. */
class RunningServiceIT {

    private static final RunningService.WebLayer WEB = new RunningService.WebLayer(List.of(StandInWebConfiguration.class), List.of());

    @TempDir
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheWebLayerWithTheRootContextsUseCasesAndEchoesTheRequestId() throws Exception {
        RunningService service = start(Map.of("BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, "/probe/x"))
                    .header("X-Request-Id", "trace-42").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("READY");
            assertThat(response.headers().firstValue("X-Request-Id")).contains("trace-42");
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(service.context().getBean(LogInUseCase.class).logIn("admin", "Admin-Pass-2024!").username().value()).isEqualTo("admin");
        } finally {
            service.stop();
        }
    }

    @Test
    void aMissingOrInsaneRequestIdIsReplacedByANewOne() throws Exception {
        RunningService service = start(Map.of("BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!"), System.out);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, "/probe/x"))
                    .header("X-Request-Id", "bad id with spaces").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f-]{36}");
        } finally {
            service.stop();
        }
    }

    @Test
    void withoutATerminalTheGeneratedAdminPasswordGoesToAnOwnerOnlyFileNotToTheConsole() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunningService service = start(Map.of(), new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            // Tests run without a terminal, as a service manager or a container runs the service.
            java.nio.file.Path file = dataDirectory.resolve(io.bookingservice.bootstrap.wiring.FirstAdmin.PASSWORD_FILE);
            String password = java.nio.file.Files.readString(file, StandardCharsets.UTF_8).strip();
            assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(password);

            assertThat(service.context().getBean(LogInUseCase.class).logIn("admin", password).username().value()).isEqualTo("admin");
        } finally {
            service.stop();
        }
    }

    @Test
    void stopFinishesTheRequestInFlightAndThenRefusesConnections() throws Exception {
        RunningService service = start(Map.of("BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!"), System.out);
        int port = service.port();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(uri(service, "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        StandInWebConfiguration.SLOW_ENTERED.await();

        Thread stopping = new Thread(service::stop, "test-stop");
        stopping.start();
        awaitConnectionRefused(port);
        StandInWebConfiguration.SLOW_RELEASE.countDown();

        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(slow.get().body()).isEqualTo("finished");
        stopping.join();
        assertThat(service.isStopping()).isTrue();
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(ConnectException.class);
    }

    /**
     * The shutdown grace: the service goes on answering, but readiness is off and every response
     * closes its connection, so a balancer's pooled connections are gone before the server stops.
     * A raw socket shows the header and the close (HttpClient hides both): without the grace the
     * connection would stay open and the read below would time out.
     */
    @Test
    void duringTheShutdownGraceItStillAnswersButReadinessIsOffAndEveryResponseClosesItsConnection() throws Exception {
        RunningService service = start(Map.of("BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!", "BOOKING_SHUTDOWN_GRACE", "5"), System.out);
        int port = service.port();
        try (Socket keptAlive = new Socket("localhost", port)) {
            keptAlive.setSoTimeout(10_000);
            String before = exchange(keptAlive, "/probe/before");
            assertThat(before).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");

            Thread stopping = new Thread(service::stop, "test-stop");
            stopping.start();
            awaitReadinessOff(service);

            String during = exchange(keptAlive, "/probe/during");
            assertThat(during).startsWith("HTTP/1.1 503").containsIgnoringCase("connection: close").endsWith("DATABASE_UNAVAILABLE");
            assertThat(keptAlive.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
            try (Socket fresh = new Socket("localhost", port)) {
                fresh.setSoTimeout(10_000);
                assertThat(exchange(fresh, "/probe/fresh")).containsIgnoringCase("connection: close");
            }
            stopping.join();
        } finally {
            service.stop();
        }
    }

    /** One HTTP/1.1 request on a kept-alive connection; returns the response head and body. */
    private static String exchange(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        assertThat(length.find()).as("a sized body: %s", head).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private void awaitReadinessOff(RunningService service) throws Exception {
        for (int i = 0; i < 500; i++) {
            HttpResponse<String> probe = http.send(HttpRequest.newBuilder(uri(service, "/probe/poll")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() == 503) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("readiness never turned off after stop()");
    }

    private RunningService start(Map<String, String> extra, PrintStream console) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "PORT", "0", "BOOKING_PERSISTENCE", "memory", "BOOKING_DATA_DIR", dataDirectory.toString(),
                "BOOKING_SHUTDOWN_GRACE", "0"));
        environment.putAll(extra);
        Settings settings = SettingsLoader.load(Map.of(), environment);
        return RunningService.start(settings, WEB, Optional.empty(), console);
    }

    private static URI uri(RunningService service, String path) {
        return URI.create("http://localhost:" + service.port() + path);
    }

    /** The connector closes early in the stop; wait for it without a clock-based assertion. */
    private static void awaitConnectionRefused(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 500; attempt++) {
            try (Socket accepted = new Socket("localhost", port)) {
                assertThat(accepted.isConnected()).isTrue();
                Thread.sleep(10);
            } catch (IOException refused) {
                return;
            }
        }
        throw new IllegalStateException("the server kept accepting connections while stopping");
    }
}
