import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady mixed traffic for bench/cluster/run (single-file program, JDK 17 only):
 * {@code java Traffic.java NAME BASE_URL RATE SECONDS EVENTS_FILE IDS_FILE ORIGIN}; the admin
 * password comes from the environment (BENCH_ADMIN_PASSWORD), never from the command line.
 *
 * <p>Open loop: RATE requests a second whatever the answers (a slow server does not slow the
 * offered load down), at most 200 in flight (beyond that a request counts as failed). Mix: one in
 * five a booking submission (POST /booking/ with an Idempotency-Key), the rest reads of a booking
 * (GET /booking/{id}/); a sign-in (POST /token with an Origin header) at the start and every 20 s.
 * Every request is bounded (10 s); the run by SECONDS, or earlier when EVENTS_FILE.stop appears
 * (the script's faults took what they took).
 *
 * <p>At the end it reads EVENTS_FILE ("fault_start MS" / "fault_end MS" lines, written by the run
 * script while the traffic ran) and prints one line: requests, failures (5xx, other unexpected
 * statuses, transport errors) by kind, max and p99 latency, the longest wait of a failed request,
 * failures outside the fault windows, and the recovery time: from the last fault_end to the end of
 * the first request started after it that succeeded. Acknowledged submissions (201) are appended
 * to IDS_FILE so the script can check none was lost. Nothing here asserts on a time.
 */
public final class Traffic {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Duration REQUEST_BOUND = Duration.ofSeconds(10);
    static final int MAX_IN_FLIGHT = 200;

    record Outcome(long startMs, long endMs, int status, String kind) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java Traffic.java NAME BASE_URL RATE SECONDS EVENTS_FILE IDS_FILE ORIGIN");
            System.exit(2);
        }
        String name = args[0];
        String base = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Path events = Path.of(args[4]);
        Path ids = Path.of(args[5]);
        String origin = args[6];
        String password = System.getenv("BENCH_ADMIN_PASSWORD");
        if (password == null || rate < 1 || rate > 1000 || seconds < 1 || seconds > 3600) {
            System.err.println("BENCH_ADMIN_PASSWORD must be set; RATE 1..1000, SECONDS 1..3600");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String[] token = {signIn(client, base, origin, password, Duration.ofSeconds(30))};
        List<Long> known = new CopyOnWriteArrayList<>();
        known.add(seed(client, base, token[0]));

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long begin = System.currentTimeMillis();
        long periodNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long total = (long) rate * seconds;
        Path stop = Path.of(args[4] + ".stop");
        // Tells the script that the measured traffic runs now: its faults start after this.
        Files.writeString(Path.of(args[4] + ".started." + name.replace('/', '-')), "");
        for (long i = 1; i <= total; i++) {
            if (i % rate == 0 && Files.exists(stop)) {
                break;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += periodNanos;
            long n = i;
            if (!inFlight.tryAcquire()) {
                long now = System.currentTimeMillis();
                outcomes.add(new Outcome(now, now, -1, "overload"));
                continue;
            }
            workers.execute(() -> {
                long start = System.currentTimeMillis();
                try {
                    if (n % (rate * 20L) == 0) {
                        HttpResponse<String> r = client.send(signInRequest(base, origin, password), HttpResponse.BodyHandlers.ofString());
                        Matcher m = TOKEN.matcher(r.body());
                        if (r.statusCode() == 200 && m.find()) {
                            token[0] = m.group(1);
                        }
                        outcomes.add(new Outcome(start, System.currentTimeMillis(), r.statusCode(), "token"));
                    } else if (n % 5 == 0) {
                        Submitted s = submit(client, base, token[0], n);
                        if (s.status == 201) {
                            acknowledged.add(s.id);
                            known.add(s.id);
                        }
                        outcomes.add(new Outcome(start, System.currentTimeMillis(), s.status, "submit"));
                    } else {
                        long id = known.get(ThreadLocalRandom.current().nextInt(known.size()));
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/booking/" + id + "/"))
                                .timeout(REQUEST_BOUND).header("Authorization", "Bearer " + token[0]).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        outcomes.add(new Outcome(start, System.currentTimeMillis(), r.statusCode(), "read"));
                    }
                } catch (IOException e) {
                    outcomes.add(new Outcome(start, System.currentTimeMillis(), -2, e.getClass().getSimpleName()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.release();
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(REQUEST_BOUND.toSeconds() + 5, TimeUnit.SECONDS);
        workers.shutdownNow();
        StringBuilder idLines = new StringBuilder();
        acknowledged.forEach(id -> idLines.append(id).append('\n'));
        Files.writeString(ids, idLines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        report(name, new ArrayList<>(outcomes), readEvents(events), begin);
    }

    record Submitted(int status, long id) {}

    static Submitted submit(HttpClient client, String base, String token, long n) throws IOException, InterruptedException {
        // Distinct half-hour slots far in the future: submissions never conflict with each other.
        // 10^8 slots reach the year 7744; the API refuses years after 9999 (422).
        long slot = ThreadLocalRandom.current().nextLong(100_000_000L);
        String when = java.time.Instant.parse("2040-01-01T00:00:00Z").plusSeconds(slot * 1800).toString();
        String body = "{\"event_time\":\"" + when + "\",\"address\":{\"street\":\"1 Bench St\",\"city\":\"Loopback\","
                + "\"state\":null,\"country\":\"GB\"},\"topic\":\"cluster bench " + n + "\",\"duration_minutes\":30,"
                + "\"requested_by\":\"bench@example.com\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/booking/")).timeout(REQUEST_BOUND)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ID.matcher(r.body());
        return new Submitted(r.statusCode(), r.statusCode() == 201 && m.find() ? Long.parseLong(m.group(1)) : -1);
    }

    /** One booking to read, before the measured run: retries (bounded) like {@link #signIn}. */
    static long seed(HttpClient client, String base, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Submitted s = submit(client, base, token, 0);
                if (s.status == 201) {
                    return s.id;
                }
                last = "status " + s.status;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("could not submit the first booking at " + base + ": " + last);
    }

    static HttpRequest signInRequest(String base, String origin, String password) {
        return HttpRequest.newBuilder(URI.create(base + "/token")).timeout(REQUEST_BOUND)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build();
    }

    /** Before the measured run: retries (bounded) until the service answers. */
    static String signIn(HttpClient client, String base, String origin, String password, Duration bound)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(signInRequest(base, origin, password), HttpResponse.BodyHandlers.ofString());
                Matcher m = TOKEN.matcher(r.body());
                if (r.statusCode() == 200 && m.find()) {
                    return m.group(1);
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("could not sign in at " + base + ": " + last);
    }

    static List<long[]> readEvents(Path events) throws IOException {
        List<long[]> windows = new ArrayList<>();
        if (!Files.exists(events)) {
            return windows;
        }
        long start = -1;
        for (String line : Files.readAllLines(events)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2) {
                continue;
            }
            if (f[0].equals("fault_start")) {
                start = Long.parseLong(f[1]);
            } else if (f[0].equals("fault_end") && start >= 0) {
                windows.add(new long[] {start, Long.parseLong(f[1])});
                start = -1;
            }
        }
        return windows;
    }

    static void report(String name, List<Outcome> all, List<long[]> windows, long begin) {
        all.sort((a, b) -> Long.compare(a.startMs, b.startMs));
        long failed = all.stream().filter(o -> !o.ok()).count();
        Map<String, Integer> kinds = new TreeMap<>();
        for (Outcome o : all) {
            if (!o.ok()) {
                kinds.merge(o.status > 0 ? o.kind + ":" + o.status : o.kind, 1, Integer::sum);
            }
        }
        long[] latencies = all.stream().filter(o -> o.status != -1).mapToLong(o -> o.endMs - o.startMs).sorted().toArray();
        long max = latencies.length == 0 ? 0 : latencies[latencies.length - 1];
        long p99 = latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)];
        long maxFailedWait = all.stream().filter(o -> !o.ok()).mapToLong(o -> o.endMs - o.startMs).max().orElse(0);
        // A window ends when the fault is repaired; failures up to 10 s later belong to the recovery.
        long outside = all.stream().filter(o -> !o.ok()).filter(o -> windows.stream()
                .noneMatch(w -> o.startMs >= w[0] - 1000 && o.startMs <= w[1] + 10_000)).count();
        String recovery = "-";
        if (!windows.isEmpty()) {
            long end = windows.get(windows.size() - 1)[1];
            recovery = all.stream().filter(o -> o.startMs >= end && o.ok()).mapToLong(o -> o.endMs - end).min()
                    .stream().mapToObj(ms -> ms + "ms").findFirst().orElse("never");
        }
        System.out.printf("%-24s requests=%d failed=%d %s max_latency=%dms p99=%dms longest_failed_wait=%dms "
                        + "failed_outside_faults=%d recovery_after_fault=%s (%.0f s)%n",
                name, all.size(), failed, kinds.isEmpty() ? "" : kinds.toString(), max, p99, maxFailedWait, outside, recovery,
                (System.currentTimeMillis() - begin) / 1000.0);
    }
}
