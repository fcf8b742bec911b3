import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load generator for the booking service, run by bench/http/run (single-file program, JDK 17
 * only): {@code java Load.java BASE_URL CLIENTS WARMUP_S DURATION_S SEED_BOOKINGS}; the admin
 * password comes from the environment (BOOKING_ADMIN_PASSWORD), never from the command line.
 *
 * <p>Closed loop: CLIENTS threads of a fixed pool, each sending one request at a time over a
 * shared java.net.http.HttpClient (HTTP/1.1, keep-alive). Per scenario: WARMUP_S seconds whose
 * requests are discarded, then DURATION_S seconds measured. Only requests that both start and
 * finish inside the measured window count. Bounded: by time, and by at most MAX_PER_CLIENT
 * requests per client and scenario, and a scenario stops early after MAX_ERRORS failures.
 * Nothing here asserts on a time.
 */
public final class Load {

    static final int MAX_PER_CLIENT = 2_000_000;
    static final int MAX_ERRORS = 1_000;
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    record Scenario(String name, int expectedStatus, IntFunction<HttpRequest> request) {}

    record Result(String name, long count, long errors, double seconds, long[] sortedNanos, String firstError) {
        double throughput() { return count / seconds; }
        double pct(double p) {
            if (sortedNanos.length == 0) return Double.NaN;
            int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1; // nearest rank
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/+$", "");
        if (!base.startsWith("http://127.0.0.1:")) throw new IllegalArgumentException("traffic only to 127.0.0.1");
        int clients = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int duration = Integer.parseInt(args[3]);
        int seed = Integer.parseInt(args[4]);
        String password = System.getenv("BOOKING_ADMIN_PASSWORD");

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // Token (admin: reads every booking), then the seed bookings.
        HttpResponse<String> tok = http.send(HttpRequest.newBuilder(URI.create(base + "/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher tm = TOKEN.matcher(tok.body());
        if (tok.statusCode() != 200 || !tm.find()) {
            System.out.println("!! POST /token answered " + tok.statusCode());
            System.exit(1);
        }
        String bearer = "Bearer " + tm.group(1);
        AtomicLong submitted = new AtomicLong();
        IntFunction<HttpRequest> post = n -> HttpRequest.newBuilder(URI.create(base + "/booking/"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(submitted.getAndIncrement()))).build();
        long[] ids = new long[seed];
        long t0 = System.nanoTime();
        for (int i = 0; i < seed; i++) {
            HttpResponse<String> r = http.send(post.apply(i), HttpResponse.BodyHandlers.ofString());
            Matcher im = ID.matcher(r.body());
            if (r.statusCode() != 201 || !im.find()) {
                System.out.println("!! seeding: POST /booking/ answered " + r.statusCode() + ": " + r.body());
                System.exit(1);
            }
            ids[i] = Long.parseLong(im.group(1));
        }
        System.out.printf("== seeded %d bookings (ids %d..%d) in %d ms, one client%n", seed, ids[0], ids[seed - 1],
                (System.nanoTime() - t0) / 1_000_000);

        List<Scenario> scenarios = List.of(
                new Scenario("GET /health/live (baseline)", 200, n -> get(base + "/health/live", null)),
                new Scenario("GET /booking/{id}/", 200, n -> get(base + "/booking/" + ids[n % ids.length] + "/", bearer)),
                new Scenario("GET /booking/?limit=100", 200, n -> get(base + "/booking/?limit=100", bearer)),
                new Scenario("POST /booking/", 201, post));

        System.out.printf("== %d clients (closed loop, fixed thread pool), %d s warm-up + %d s measured per scenario%n",
                clients, warmup, duration);
        List<Result> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            Result r = run(s, http, pool, clients, warmup, duration);
            results.add(r);
            System.out.printf("  %-30s %8d requests, %d errors%s%n", s.name(), r.count(), r.errors(),
                    r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
        }
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        Result baseline = results.get(0);
        System.out.println();
        System.out.println("RESULTS (latency in ms; p50 = the median; throughput = measured requests / measured seconds)");
        System.out.printf("%-30s %10s %8s %8s %8s %11s %10s %8s %7s%n", "scenario", "req/s", "p50", "p90", "p99",
                "p50 vs base", "req/s vs", "count", "errors");
        for (Result r : results) {
            System.out.printf("%-30s %10.0f %8.2f %8.2f %8.2f %10.1fx %9.1f%% %8d %7d%n", r.name(), r.throughput(),
                    r.pct(50), r.pct(90), r.pct(99), r.pct(50) / baseline.pct(50),
                    100.0 * r.throughput() / baseline.throughput(), r.count(), r.errors());
        }
        boolean failed = results.stream().anyMatch(r -> r.errors() > 0 || r.count() == 0);
        System.exit(failed ? 3 : 0);
    }

    static Result run(Scenario s, HttpClient http, ExecutorService pool, int clients, int warmup, int duration)
            throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        String[] firstError = {null};
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                for (int i = 0; i < MAX_PER_CLIENT && errors.get() < MAX_ERRORS; i++) {
                    long a = System.nanoTime();
                    if (a >= measureTo) break;
                    String err = null;
                    try {
                        HttpResponse<byte[]> r = http.send(s.request().apply((int) sequence.getAndIncrement()),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != s.expectedStatus()) err = "status " + r.statusCode();
                    } catch (IOException e) {
                        err = e.toString();
                    }
                    long b = System.nanoTime();
                    if (a < measureFrom || b > measureTo) continue; // warm-up, or straddles the end
                    if (err != null) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) firstError[0] = err;
                        }
                        continue;
                    }
                    if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
                    lat[n++] = b - a;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get(warmup + duration + 120L, TimeUnit.SECONDS);
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        Arrays.sort(all);
        return new Result(s.name(), all.length, errors.get(), duration, all, firstError[0]);
    }

    static HttpRequest get(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) b.header("Authorization", bearer);
        return b.build();
    }

    /** A valid booking; event times spread one hour apart from 2031-06-01 so that none is identical. */
    static String body(long n) {
        String time = java.time.Instant.parse("2031-06-01T10:00:00Z").plusSeconds(3600 * n).toString();
        return "{\"event_time\":\"" + time + "\",\"address\":{\"street\":\"" + n + " Bench St\",\"city\":\"Leeds\","
                + "\"state\":null,\"country\":\"GB\"},\"topic\":\"bench " + n + "\",\"duration_minutes\":45,"
                + "\"requested_by\":\"bench@example.org\"}";
    }
}
