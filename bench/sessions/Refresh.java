import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a refresh costs (issue 14), run by bench/sessions/run (single-file program, JDK 17 only):
 * {@code java Refresh.java PORT ITERATIONS PASSWORD_ITERATIONS}; the admin password comes from
 * the environment (BOOKING_ADMIN_PASSWORD), never from the command line.
 *
 * <p>One client, one request at a time (latency, not throughput), each on a new loopback
 * connection with {@code Connection: close} — the same overhead for every scenario, which the
 * no-database baseline {@code GET /health/live} shows. Scenarios, measured in the same run:
 * the liveness probe; {@code GET /users/me} with a session's access token (the per-request read of
 * the account joined with its session); the refresh grant (lock, rotate, sign); the password grant
 * (argon2id). {@code /token} is throttled per client address (30 per 5 minutes), so those
 * requests come from ever new loopback source addresses (127.0.x.y), as distinct clients would.
 * Nothing here asserts on a time.
 */
public final class Refresh {

    static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    static final int PER_ADDRESS = 20;

    record Response(int status, String body) {}

    static int port;
    static int addressCounter;

    public static void main(String[] args) throws Exception {
        port = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        int passwordIterations = Integer.parseInt(args[2]);
        String password = System.getenv("BOOKING_ADMIN_PASSWORD");
        if (password == null) {
            throw new IllegalStateException("BOOKING_ADMIN_PASSWORD is not set");
        }
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);

        Response login = send(nextAddress(), "POST", "/token", null, form);
        check(login, 200, "password grant");
        String access = match(ACCESS, login.body());
        String[] refresh = {match(REFRESH, login.body())};

        System.out.printf("%n%-48s %7s %10s %10s %10s%n", "scenario", "n", "median ms", "p90 ms", "p99 ms");
        List<String[]> rows = new ArrayList<>();
        rows.add(measure("GET /health/live (baseline, no database)", iterations,
                () -> send("127.0.0.1", "GET", "/health/live", null, null), 200));
        rows.add(measure("GET /users/me (account + session, one query)", iterations,
                () -> send("127.0.0.1", "GET", "/users/me", access, null), 200));
        rows.add(measure("POST /token grant_type=refresh_token", iterations, () -> {
            Response r = send(nextAddress(), "POST", "/token", null,
                    "grant_type=refresh_token&refresh_token=" + refresh[0]);
            if (r.status() == 200) {
                refresh[0] = match(REFRESH, r.body());
            }
            return r;
        }, 200));
        rows.add(measure("POST /token password grant (argon2id)", passwordIterations,
                () -> send(nextAddress(), "POST", "/token", null, form), 200));

    }

    /** A warm-up of a fifth of the iterations (at least 20), then the measured ones. */
    static String[] measure(String name, int iterations, Supplier<Response> request, int expected) {
        for (int i = 0; i < Math.max(20, iterations / 5); i++) {
            check(request.get(), expected, name + " (warm-up)");
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            Response response = request.get();
            nanos[i] = System.nanoTime() - start;
            check(response, expected, name);
        }
        Arrays.sort(nanos);
        String[] row = {name, Integer.toString(iterations), ms(percentile(nanos, 0.50)),
                ms(percentile(nanos, 0.90)), ms(percentile(nanos, 0.99))};
        // Printed as soon as measured: on a busy machine a later scenario may not finish in time.
        System.out.printf("%-48s %7s %10s %10s %10s%n", (Object[]) row);
        return row;
    }

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String ms(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    /** A new loopback source address every {@link #PER_ADDRESS} requests: 127.0.1.1, 127.0.1.2, … */
    static String nextAddress() {
        int n = addressCounter++ / PER_ADDRESS;
        return "127.0." + (1 + n / 250) + "." + (1 + n % 250);
    }

    static void check(Response response, int expected, String what) {
        if (response.status() != expected) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
    }

    static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in the answer");
        }
        return m.group(1);
    }

    static Response send(String from, String method, String path, String bearer, String form) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setTcpNoDelay(true);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            if (bearer != null) {
                head.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            if (form != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " from " + from + " failed", e);
        }
    }
}
