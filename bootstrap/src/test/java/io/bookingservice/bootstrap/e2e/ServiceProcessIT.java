package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real artifact, {@code java -jar target/booking.jar}, as an operator runs it. */
class ServiceProcessIT {

    private static final Path JAR = Path.of("target", "booking.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on http:\\S*?localhost:(\\d+)");

    @TempDir
    Path dataDirectory;

    @Test
    void bogusEnvFailsFastWithStatus2AndOneLineNamingTheAllowedValues() throws Exception {
        Process process = launch(Map.of("ENV", "bogus"));

        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(stderr).isEqualTo("booking: ENV='bogus' is not allowed; ENV must be one of local, dev, prod, test (default local)\n");
    }

    @Test
    void sigtermDrainsAndExitsWithStatus0() throws Exception {
        Process process = launch(Map.of("PORT", "0", "BOOKING_PERSISTENCE", "memory", "BOOKING_ADMIN_PASSWORD", "Admin-Pass-2024!",
                "LOG_FORMAT", "json", "BOOKING_SHUTDOWN_GRACE", "1"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int port = awaitPort(out, lines);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();

            // SIGTERM as an orchestrator sends it. Not Process.destroy(): it also closes our end of
            // the process's output, and the shutdown lines are what this test reads.
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }

        assertThat(process.waitFor()).isZero();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("answering with Connection: close for 1 s"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{").contains("\"formattedMessage\":\"stopped\""));
        // JSON escapes '/' as '\/'.
        assertThat(lines).anySatisfy(l -> assertThat(l.replace("\\/", "/")).contains("io.bookingservice.request")
                .contains("GET /health/live 200").contains("user=-").contains("request_id"));
        assertThat(String.join("\n", lines)).doesNotContain("Admin-Pass-2024!");
    }

    @Test
    void offlineUpgradeSqlReachesStandardOutputWholeAndAlone() throws Exception {
        Process process = launch(Map.of(), "migrate", "upgrade", "--sql");

        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        // Piped into psql by a DBA: every script and its history row, and not one log line.
        assertThat(stdout).contains("V1__booking_requests.sql", "V6__idempotency_keys.sql", "flyway_schema_history")
                .doesNotContain(" INFO ");
        assertThat(stdout.strip()).endsWith(";");
    }

    @Test
    void operatorCommandsPrintTheirAnswerOnStandardOutputAndLogOnStandardError() throws Exception {
        Process process = launch(Map.of(), "migrate", "current");

        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(stdout).isEqualTo("base (head is 11; run: booking migrate upgrade)\n");
        assertThat(stderr).contains("embedded PostgreSQL");
    }

    private Process launch(Map<String, String> environment, String... arguments) throws IOException {
        assertThat(JAR).as("built by the package phase").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("BOOKING_") || name.equals("ENV") || name.equals("PORT")
                || name.startsWith("DATABASE_URL") || name.equals("LOG_FORMAT"));
        builder.environment().put("BOOKING_DATA_DIR", dataDirectory.toString());
        builder.environment().putAll(environment);
        builder.directory(Files.createDirectories(dataDirectory.resolve("cwd")).toFile());
        return builder.start();
    }

    private static int awaitPort(BufferedReader out, List<String> lines) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IllegalStateException("the service ended before listening:\n" + String.join("\n", lines));
    }
}
