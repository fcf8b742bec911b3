import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time-to-ready and idle memory of the booking service, run by bench/startup/run (single-file
 * program: {@code java Startup.java JAR WORKDIR RUNS IDLE_SECONDS}).
 *
 * <p>Variants, interleaved round by round so that background load hits them alike:
 * (a) memory persistence (the baseline), (b) embedded PostgreSQL, first start on a fresh data
 * directory, (c) the same data directory started again, (d) an "external" PostgreSQL through
 * DATABASE_URL: the embedded PostgreSQL of a helper service started once before the rounds and
 * stopped after them. Time-to-ready = from just before the process is spawned until GET
 * /health/ready on 127.0.0.1 answers 200 (polled every 10 ms). Every loop is bounded in count and
 * time; nothing here asserts on a time.
 */
public final class Startup {

    static final Duration READY_LIMIT = Duration.ofSeconds(120);
    static final Duration STOP_LIMIT = Duration.ofSeconds(40);
    static final Pattern PSQL_PORT = Pattern.compile("embedded PostgreSQL in \\S+ on port (\\d+);");
    static final Pattern READY_IN = Pattern.compile("ready in (\\d+) ms");
    static final List<Process> LIVE = new CopyOnWriteArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    static Path helperPgData; // the "external" PostgreSQL's data directory, measured during (d)

    record Sample(long readyMs, long selfReportedMs, long jvmRssKb, long pgRssKb, long pgPssKb, int pgProcesses, int exit) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int runs = Integer.parseInt(args[2]);
        int idleSeconds = Integer.parseInt(args[3]);
        // (e) starts like (d) with the class-data archive that ./booking makes after each build.
        List<String> archive = List.of("-XX:SharedArchiveFile=" + Path.of(args[4]).toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(Startup::stopAll));

        System.out.printf("== jar: %s, %.1f MB (%d bytes)%n", jar, Files.size(jar) / 1e6, Files.size(jar));
        System.out.printf("== %d run(s) per variant, interleaved; RSS read from /proc %d s after ready%n", runs, idleSeconds);

        // The "external" PostgreSQL for (d): a helper service's embedded one, up for the whole run.
        Path helperDir = Files.createDirectories(work.resolve("helper"));
        int helperPort = freePort();
        Process helper = spawn(jar, helperDir, Map.of("PORT", String.valueOf(helperPort)));
        long helperReady = awaitReady(helper, helperPort, System.nanoTime());
        Path helperLog = helperDir.resolve("service.log");
        Matcher m = PSQL_PORT.matcher(Files.readString(helperLog));
        if (helperReady < 0 || !m.find()) {
            System.out.println("!! helper service did not come up; its log:\n" + Files.readString(helperLog));
            System.exit(1);
        }
        helperPgData = helperDir.resolve("booking-data/postgres");
        // The embedded PostgreSQL's superuser password is in a 0600 file beside its data.
        String password = Files.readString(helperDir.resolve("booking-data/postgres-password")).strip();
        String externalUrl = "postgresql://postgres:" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                + "@127.0.0.1:" + m.group(1) + "/booking";
        System.out.println("== external PostgreSQL for (d), (e): " + externalUrl.replace(password, "…")
                + " (embedded PostgreSQL of a helper service in " + helperDir + ", pid " + helper.pid() + ")");

        Map<String, List<Sample>> results = new LinkedHashMap<>();
        String a = "(a) memory (baseline)", b = "(b) embedded PG, first start", c = "(c) embedded PG, restart",
                d = "(d) external PG (DATABASE_URL)", e5 = "(e) external PG + CDS archive";
        for (String v : List.of(a, b, c, d, e5)) results.put(v, new ArrayList<>());

        for (int round = 1; round <= runs; round++) {
            Path r = work.resolve("round-" + round);
            results.get(a).add(runOnce(a, round, jar, Files.createDirectories(r.resolve("memory")),
                    Map.of("BOOKING_PERSISTENCE", "memory"), idleSeconds));
            Path pgDir = Files.createDirectories(r.resolve("embedded"));
            results.get(b).add(runOnce(b, round, jar, pgDir, Map.of("BOOKING_PERSISTENCE", "postgres"), idleSeconds));
            results.get(c).add(runOnce(c, round, jar, pgDir, Map.of("BOOKING_PERSISTENCE", "postgres"), idleSeconds));
            results.get(d).add(runOnce(d, round, jar, Files.createDirectories(r.resolve("external")),
                    Map.of("BOOKING_PERSISTENCE", "postgres", "DATABASE_URL", externalUrl), idleSeconds));
            results.get(e5).add(runOnce(e5, round, jar, Files.createDirectories(r.resolve("external-cds")),
                    Map.of("BOOKING_PERSISTENCE", "postgres", "DATABASE_URL", externalUrl), idleSeconds, archive));
            deleteTree(r); // a data directory is ~40 MB; keep /tmp small
        }

        int helperExit = stop(helper);
        System.out.printf("== helper service stopped, exit status %d%n%n", helperExit);

        long baseline = median(results.get(a).stream().filter(s -> s.readyMs >= 0).mapToLong(Sample::readyMs).toArray());
        System.out.println("MEDIANS over " + runs + " run(s) (time-to-ready = spawn -> GET /health/ready 200; "
                + "self = the service's own \"ready in N ms\" log line)");
        System.out.printf("%-32s %4s %10s %9s %12s %9s %11s %11s %7s%n", "variant", "ok", "ready ms", "vs (a)",
                "self ms", "JVM RSS", "PG RSS sum", "PG PSS sum", "exit");
        for (var e : results.entrySet()) {
            List<Sample> ok = e.getValue().stream().filter(s -> s.readyMs >= 0).toList();
            long ready = median(ok.stream().mapToLong(Sample::readyMs).toArray());
            boolean external = e.getKey().equals(d) || e.getKey().equals(e5);
            long pgRss = median(ok.stream().mapToLong(Sample::pgRssKb).toArray());
            long pgPss = median(ok.stream().mapToLong(Sample::pgPssKb).toArray());
            System.out.printf("%-32s %4s %10d %8.2fx %12d %9s %11s %11s %7s%n", e.getKey(),
                    ok.size() + "/" + e.getValue().size(), ready, ready / (double) baseline,
                    median(ok.stream().mapToLong(Sample::selfReportedMs).toArray()),
                    mb(median(ok.stream().mapToLong(Sample::jvmRssKb).toArray())),
                    pgRss == 0 ? "-" : mb(pgRss) + (external ? "*" : ""),
                    pgPss == 0 ? "-" : mb(pgPss) + (external ? "*" : ""),
                    e.getValue().stream().map(s -> String.valueOf(s.exit)).distinct().reduce((x, y) -> x + "," + y).orElse("-"));
        }
        System.out.println("* (d), (e): the helper's PostgreSQL, read at the same idle point; it also holds the helper service's own pool.");
        System.out.println("PG RSS sum counts shared memory once per process (overstates); PSS shares it out (closer to the real cost).");
    }

    static Sample runOnce(String variant, int round, Path jar, Path dir, Map<String, String> env, int idleSeconds)
            throws Exception {
        return runOnce(variant, round, jar, dir, env, idleSeconds, List.of());
    }

    static Sample runOnce(String variant, int round, Path jar, Path dir, Map<String, String> env, int idleSeconds,
                          List<String> flags) throws Exception {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("PORT", String.valueOf(port));
        long t0 = System.nanoTime(); // the clock starts just before the process is spawned
        Process p = spawn(jar, dir, all, flags);
        long readyMs = awaitReady(p, port, t0);
        long self = -1, jvm = -1;
        long[] pg = {0, 0, 0};
        if (readyMs >= 0) {
            Thread.sleep(idleSeconds * 1000L);
            Matcher m = READY_IN.matcher(Files.readString(dir.resolve("service.log")));
            if (m.find()) self = Long.parseLong(m.group(1));
            jvm = status(p.pid(), "VmRSS:");
            if (env.containsKey("DATABASE_URL")) {
                pg = postgresMemory(helperPgData);
            } else if (!"memory".equals(env.get("BOOKING_PERSISTENCE"))) {
                pg = postgresMemory(dir.resolve("booking-data/postgres"));
            }
        }
        int exit = stop(p);
        awaitPostmasterGone(dir.resolve("booking-data/postgres"));
        System.out.printf("  round %d %-32s ready %6d ms  self %6d ms  JVM RSS %7s  PG RSS %7s  PG PSS %7s (%d procs)  exit %d%n",
                round, variant, readyMs, self, mb(jvm), mb(pg[0]), mb(pg[1]), pg[2], exit);
        if (readyMs < 0) {
            System.out.println("  !! not ready within " + READY_LIMIT.toSeconds() + " s; last log lines:");
            List<String> lines = Files.readAllLines(dir.resolve("service.log"));
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> System.out.println("     " + l));
        }
        return new Sample(readyMs, self, jvm, pg[0], pg[1], (int) pg[2], exit);
    }

    static Process spawn(Path jar, Path dir, Map<String, String> env) throws IOException {
        return spawn(jar, dir, env, List.of());
    }

    static Process spawn(Path jar, Path dir, Map<String, String> env, List<String> flags) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        String opts = System.getenv("JAVA_OPTS");
        if (opts != null && !opts.isBlank()) cmd.addAll(List.of(opts.trim().split("\\s+")));
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile());
        Map<String, String> e = pb.environment();
        for (String k : List.of("DATABASE_URL", "DATABASE_URL_TEST", "BOOKING_CONFIG", "BOOKING_DATA_DIR",
                "BOOKING_PERSISTENCE", "ENV", "PORT", "DOCS_URL")) e.remove(k);
        e.put("BOOKING_ADMIN_PASSWORD", System.getenv().getOrDefault("BOOKING_ADMIN_PASSWORD", "bench-startup-pass-1"));
        e.put("LOG_FORMAT", "text");
        e.putAll(env);
        Process p = pb.start();
        LIVE.add(p);
        return p;
    }

    /** Milliseconds from spawn until /health/ready answers 200, or -1 (process died or limit reached). */
    static long awaitReady(Process p, int port, long t0) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            } catch (IOException refused) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        return -1;
    }

    static int stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM
        if (!p.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            LIVE.remove(p);
            return -9;
        }
        LIVE.remove(p);
        return p.exitValue();
    }

    static void stopAll() {
        for (Process p : LIVE) {
            try {
                stop(p);
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    static Optional<Long> postmaster(Path pgData) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void awaitPostmasterGone(Path pgData) throws InterruptedException {
        Optional<Long> pid = postmaster(pgData);
        for (int i = 0; i < 150 && pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    /** {RSS kB summed, PSS kB summed, process count} of the postmaster and its children. */
    static long[] postgresMemory(Path pgData) throws IOException {
        Optional<Long> pm = postmaster(pgData);
        if (pm.isEmpty()) return new long[] {0, 0, 0};
        long rss = 0, pss = 0, n = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == pm.get() || status(pid, "PPid:") == pm.get()) {
                    rss += Math.max(0, status(pid, "VmRSS:"));
                    pss += Math.max(0, field(proc.resolve("smaps_rollup"), "Pss:"));
                    n++;
                }
            }
        }
        return new long[] {rss, pss, n};
    }

    static long status(long pid, String key) {
        return field(Path.of("/proc/" + pid + "/status"), key);
    }

    static long field(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException gone) {
            // process exited meanwhile
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static long median(long[] xs) {
        if (xs.length == 0) return -1;
        long[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String mb(long kb) {
        return kb <= 0 ? "-" : String.format("%.0f MB", kb / 1024.0);
    }

    static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
