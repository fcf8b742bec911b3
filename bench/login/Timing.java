import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Failed-login timing of POST /token, run by bench/login/run (single-file program, JDK 17 only):
 * {@code java Timing.java PORT SAMPLES WARMUP_ROUNDS [MAX_SECONDS]}; with MAX_SECONDS, measuring (warm-up
 * excluded) stops after the round that crosses it, and the figures (and the count printed) cover the rounds completed.
 *
 * <p>Per round, every scenario once, in a freshly shuffled order (interleaved, so a load change on
 * the machine hits all scenarios alike); one request at a time. Each request is a new HTTP/1.1
 * connection ({@code Connection: close}) from its own loopback source address 127.a.b.c, so the
 * login throttle (per address and per username+address) never answers 429 and every sample
 * reaches the password check. Time: from before the request bytes are written to the end of
 * the response. Only 401 answers count; anything else is reported. Nothing here asserts on time:
 * it prints median, p90 and each median's distance from the slowest one.
 */
public final class Timing {

    record Scenario(String name, String username, String password) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int samples = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        long budgetNanos = args.length > 3 ? Long.parseLong(args[3]) * 1_000_000_000L : Long.MAX_VALUE;
        long began = 0;
        int completed = 0;
        List<Scenario> scenarios = List.of(
                new Scenario("argon2-wrong", "admin", "Wrong-Pass-123"),
                new Scenario("bcrypt-wrong", "speaker.office", "Wrong-Pass-123"),
                new Scenario("unknown", "nobody.here", "Wrong-Pass-123"),
                new Scenario("disabled-bcrypt", "old.requester", "Disabled#Pass1"),
                new Scenario("NUL", "speaker.office", "Requester#Pass1\0"));
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Integer> others = new LinkedHashMap<>();
        scenarios.forEach(s -> {
            nanos.put(s.name(), new long[samples]);
            others.put(s.name(), 0);
        });
        Random random = new Random(42);
        int[] next = {0};
        for (int round = -warmup; round < samples; round++) {
            if (round == 0) began = System.nanoTime(); // the budget covers measured rounds only
            List<Scenario> order = new ArrayList<>(scenarios);
            Collections.shuffle(order, random);
            for (Scenario s : order) {
                int n = ++next[0];
                // 127.1.0.1 … 127.254.255.254: one source address per request.
                InetAddress source = InetAddress.getByAddress(new byte[] {127, (byte) (1 + n / 65_000), (byte) ((n / 254) % 250), (byte) (1 + n % 254)});
                long[] result = send(port, source, s);
                if (result[0] != 401) {
                    others.merge(s.name(), 1, Integer::sum);
                    if (others.get(s.name()) <= 3) System.out.println("!! " + s.name() + " answered " + result[0]);
                }
                if (round >= 0) nanos.get(s.name())[round] = result[1];
            }
            if (round >= 0) completed = round + 1;
            if (round >= 0 && System.nanoTime() - began > budgetNanos) break;
        }
        if (completed < samples) {
            System.out.println("!! stopped at the time budget (" + args[3] + " s): " + completed + " of " + samples + " rounds");
        }
        final int rounds = completed;
        double slowest = 0;
        Map<String, double[]> stats = new LinkedHashMap<>();
        for (var e : nanos.entrySet()) {
            long[] sorted = Arrays.copyOf(e.getValue(), rounds);
            Arrays.sort(sorted);
            double median = pct(sorted, 50), p90 = pct(sorted, 90);
            stats.put(e.getKey(), new double[] {median, p90, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6});
            slowest = Math.max(slowest, median);
        }
        System.out.printf("%-16s %7s %10s %10s %10s %10s %18s %6s%n", "scenario", "samples", "median ms", "p90 ms",
                "min ms", "max ms", "median/slowest", "non-401");
        boolean within = true;
        for (var e : stats.entrySet()) {
            double[] v = e.getValue();
            double ratio = v[0] / slowest;
            within &= ratio >= 0.95;
            System.out.printf("%-16s %7d %10.1f %10.1f %10.1f %10.1f %17.1f%% %6d%n", e.getKey(), rounds, v[0], v[1], v[2], v[3],
                    100 * ratio, others.get(e.getKey()));
        }
        System.out.println("== every median within 5% of the slowest (" + String.format("%.1f", slowest) + " ms): "
                + (within ? "yes" : "NO"));
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1; // nearest rank
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static long[] send(int port, InetAddress source, Scenario s) throws IOException {
        String body = "username=" + enc(s.username()) + "&password=" + enc(s.password());
        byte[] request = ("POST /token HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            long elapsed = System.nanoTime() - start;
            String head = response.toString(StandardCharsets.US_ASCII);
            int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new long[] {status, elapsed};
        }
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
