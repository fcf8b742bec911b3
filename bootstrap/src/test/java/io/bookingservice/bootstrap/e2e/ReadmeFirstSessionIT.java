package io.bookingservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * README.md's "A first session", replayed: the real jar on a fresh data directory, started as
 * the README says, then every {@code curl} of the transcript sent as written; each answer must
 * have the status and the shape the README shows (same members, types and values, except the
 * token and timestamps; "…" in the README stands for anything). Afterwards, the embedded
 * PostgreSQL of that running service is reachable as the docs say ({@code booking db url}, the
 * password file) and the operator commands work beside it.
 */
class ReadmeFirstSessionIT {

    private static final Path README = Path.of("..", "README.md");
    private static final List<String> VARYING = List.of("access_token", "refresh_token", "created_at", "updated_at", "decided_at");

    @TempDir
    Path temp;

    @Test
    void theFirstSessionAnswersAsTheReadmeShows() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## A first session"));
        Matcher start = Pattern.compile("BOOKING_ADMIN_PASSWORD=(\\S+) \\./booking").matcher(readme);
        assertThat(start.find()).as("the README says how the session's service was started").isTrue();
        String transcript = section.substring(section.indexOf("```console\n") + 11, section.indexOf("\n```", section.indexOf("```console")));
        Path data = temp.resolve("booking-data");

        Process service = JarProcess.start(data, Map.of("BOOKING_ADMIN_PASSWORD", start.group(1), "PORT", "0"));
        try {
            int port = JarProcess.awaitPort(service, new ArrayList<>());
            List<Step> steps = steps(transcript);
            assertThat(steps).extracting(Step::command).anyMatch(c -> c.contains("/token"))
                    .anyMatch(c -> c.contains("-i")).hasSizeGreaterThanOrEqualTo(6);
            String token = null;
            for (Step step : steps) {
                if (step.command().startsWith("TOKEN=")) {
                    continue;
                }
                HttpResponse<String> answer = send(step.command(), port, token);
                compare(step, answer);
                if (step.command().contains("/token")) {
                    token = Http.JSON.readTree(answer.body()).get("access_token").asString();
                }
            }

            embeddedDatabaseIsReachableBesideTheService(data);
        } finally {
            assertThat(JarProcess.stop(service)).isZero();
        }
    }

    /** docs: "./booking db url", the password file, and operator commands while the service runs. */
    private void embeddedDatabaseIsReachableBesideTheService(Path data) throws Exception {
        JarProcess.Result url = JarProcess.run(data, Map.of(), "", "db", "url");
        assertThat(url.status()).as(url.err()).isZero();
        Matcher libpq = Pattern.compile("^postgresql://postgres@localhost:(\\d+)/booking\\n$").matcher(url.out());
        assertThat(libpq.matches()).as(url.out()).isTrue();
        String jdbc = "jdbc:postgresql://localhost:" + libpq.group(1) + "/booking";
        Path passwordFile = data.resolve("postgres-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).hasSize(2).allMatch(p -> p.name().startsWith("OWNER_"));

        // Not trusted: without the password no local user gets in, with it the superuser does.
        assertThat(connects(jdbc, null)).isFalse();
        assertThat(connects(jdbc, Files.readString(passwordFile).strip())).isTrue();

        JarProcess.Result current = JarProcess.run(data, Map.of(), "", "migrate", "current");
        assertThat(current.status()).as(current.err()).isZero();
        assertThat(current.out()).isEqualTo("11 (head)\n");
        assertThat(current.err()).contains("migrate: database \"booking\" on localhost:" + libpq.group(1) + " as postgres");
    }

    private static boolean connects(String jdbc, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(jdbc, properties)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** One {@code $ …} command of the transcript (continuation lines joined) and what it printed. */
    record Step(String command, List<String> output) {
    }

    static List<Step> steps(String transcript) {
        List<Step> steps = new ArrayList<>();
        Iterator<String> lines = transcript.lines().iterator();
        String line = lines.hasNext() ? lines.next() : null;
        while (line != null) {
            assertThat(line).startsWith("$ ");
            StringBuilder command = new StringBuilder(line.substring(2));
            while (command.toString().endsWith("\\") && lines.hasNext()) {
                command.setLength(command.length() - 1);
                command.append(lines.next().strip());
            }
            List<String> output = new ArrayList<>();
            line = null;
            while (lines.hasNext()) {
                String next = lines.next();
                if (next.startsWith("$ ")) {
                    line = next;
                    break;
                }
                output.add(next);
            }
            steps.add(new Step(command.toString(), output));
        }
        return steps;
    }

    private static HttpResponse<String> send(String command, int port, String token) throws Exception {
        List<String> words = shellWords(command.replace("$TOKEN", token == null ? "" : token));
        assertThat(words.get(0)).isEqualTo("curl");
        String method = null;
        String url = null;
        List<String> data = new ArrayList<>();
        HttpRequest.Builder request = HttpRequest.newBuilder();
        boolean contentType = false;
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-s", "-i" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    request.header(header[0], header[1]);
                    contentType |= header[0].equalsIgnoreCase("Content-Type");
                }
                case "-d" -> data.add(words.get(++i));
                default -> url = words.get(i);
            }
        }
        if (!data.isEmpty() && !contentType) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        String body = String.join("&", data);
        return HttpClient.newHttpClient().send(request
                .uri(URI.create(url.replace("localhost:8000", "localhost:" + port)))
                .method(method != null ? method : data.isEmpty() ? "GET" : "POST",
                        data.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void compare(Step step, HttpResponse<String> answer) {
        List<String> output = step.output();
        String expectedBody = output.get(output.size() - 1);
        if (step.command().contains(" -i ")) {
            Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ").matcher(output.get(0));
            assertThat(status.find()).isTrue();
            assertThat(answer.statusCode()).as(step.command()).isEqualTo(Integer.parseInt(status.group(1)));
            for (String header : output.subList(1, output.size() - 1)) {
                String[] pair = header.split(":\\s*", 2);
                if (pair.length == 2 && pair[0].equalsIgnoreCase("Content-Type")) {
                    assertThat(answer.headers().firstValue("Content-Type")).get().asString().isEqualToIgnoringCase(pair[1]);
                } else if (pair.length == 2) {
                    assertThat(answer.headers().firstValue(pair[0])).as(pair[0]).isPresent();
                }
            }
        } else {
            assertThat(answer.statusCode()).as(step.command() + "\n" + answer.body()).isBetween(200, 201);
        }
        JsonNode expected = tryParse(expectedBody);
        if (expected != null && !expectedBody.contains("…,") && !expectedBody.contains(",…")) {
            sameShape(step.command(), "$", expected, Http.JSON.readTree(answer.body()));
        } else {
            String pattern = Pattern.quote(expectedBody).replace("…", "\\E.*\\Q");
            assertThat(answer.body()).as(step.command()).matches(pattern);
        }
    }

    private static void sameShape(String command, String path, JsonNode expected, JsonNode actual) {
        assertThat(actual.getNodeType()).as(command + " " + path).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            assertThat(actual.propertyNames()).as(command + " " + path).containsExactlyElementsOf(expected.propertyNames());
            for (String name : expected.propertyNames()) {
                JsonNode value = expected.get(name);
                if (VARYING.contains(name)) {
                    assertThat(actual.get(name).getNodeType()).isEqualTo(value.getNodeType());
                    if (value.asString().contains("…")) {
                        assertThat(actual.get(name).asString()).startsWith(value.asString().split("…", -1)[0]);
                    }
                } else {
                    sameShape(command, path + "." + name, value, actual.get(name));
                }
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(command + " " + path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                sameShape(command, path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else {
            assertThat(actual).as(command + " " + path).isEqualTo(expected);
        }
    }

    private static JsonNode tryParse(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Splits a command the way a POSIX shell does for the quoting the README uses ('…', "…", \\). */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
