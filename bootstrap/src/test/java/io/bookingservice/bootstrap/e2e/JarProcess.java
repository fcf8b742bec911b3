package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/booking.jar …} as an operator runs it: a clean environment (no
 * BOOKING_*, ENV, PORT, DATABASE_URL* or LOG_FORMAT from the build's), the given data directory.
 */
final class JarProcess {

    static final Path JAR = Path.of("target", "booking.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on http:\\S*?localhost:(\\d+)");

    /** A finished command: exit status and both outputs. */
    record Result(int status, String out, String err) {
    }

    private JarProcess() {
    }

    static Process start(Path dataDirectory, Map<String, String> environment, String... arguments) throws IOException {
        assertThat(JAR).as("built by the package phase").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("BOOKING_") || name.equals("ENV") || name.equals("PORT")
                || name.startsWith("DATABASE_URL") || name.equals("LOG_FORMAT") || name.equals("DOCS_URL"));
        builder.environment().put("BOOKING_DATA_DIR", dataDirectory.toString());
        builder.environment().putAll(environment);
        builder.directory(Files.createDirectories(dataDirectory.resolveSibling(dataDirectory.getFileName() + "-cwd")).toFile());
        return builder.start();
    }

    /** Runs a command to its end, writing {@code stdin} (may be empty) to its standard input. */
    static Result run(Path dataDirectory, Map<String, String> environment, String stdin, String... arguments)
            throws IOException, InterruptedException {
        Process process = start(dataDirectory, environment, arguments);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        int status = process.waitFor();
        return new Result(status, out, err.join());
    }

    /** Reads standard output until the service says where it listens; returns the port. */
    static int awaitPort(Process process, List<String> lines) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                // Keep draining, so that a chatty service never blocks on a full pipe.
                Thread drain = new Thread(() -> read(process.getInputStream()), "stdout-drain");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IllegalStateException("the service ended before listening:\n" + String.join("\n", lines)
                + "\n" + read(process.getErrorStream()));
    }

    /** SIGTERM, as an orchestrator stops the service; returns its exit status. */
    static int stop(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        return process.waitFor();
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
