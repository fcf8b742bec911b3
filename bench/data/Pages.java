import io.bookingservice.adapters.persistence.mybatis.ListQueryPlans;
import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * bench/data: per case, EXPLAIN (ANALYZE, BUFFERS) of the service's own list SQL (rendered by
 * ListQueryPlans from BookingMapper.xml) and, for a few cases, the HTTP request's time.
 * Run by bench/data/run with the service's jar on the class path:
 * java -cp booking.jar Pages.java PGPORT PAGE_SIZES [HTTP_BASE]   (PGPASSWORD, BENCH_ADMIN_PASSWORD in the environment)
 */
public class Pages {

    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(3652);
    static final double[] SHARES = {0.00001, 0.001, 0.1, 0.9};
    static final int DEEP_PAGES = 100;
    static final int REPEATS = 5;   // EXPLAIN runs per case; the median time is reported, buffers are the same each run

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setServerNames(new String[] {"localhost"});
        db.setPortNumbers(new int[] {Integer.parseInt(args[0])});
        db.setDatabaseName("booking");
        db.setUser("postgres");
        db.setPassword(System.getenv("PGPASSWORD"));
        int[] pageSizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        ListQueryPlans plans = ListQueryPlans.over(db);

        long total;
        try (Connection connection = db.getConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT count(*) FROM booking_requests")) {
            result.next();
            total = result.getLong(1);
        }
        System.out.printf("== %,d bookings; buffers = shared hit + read of the execution (planning excluded);"
                + " time = PostgreSQL's execution time, median of %d EXPLAIN ANALYZE runs%n", total, REPEATS);
        int failures = 0;
        for (int pageSize : pageSizes) {
            System.out.printf("%n== pages of %d (the service asks for %d rows)%n", pageSize, pageSize + 1);
            System.out.printf("%-8s %-9s %-10s %-13s %7s %5s %8s %9s  %s%n", "range", "rows", "status", "order",
                    "page", "rows", "buffers", "time ms", "scans");
            for (double share : SHARES) {
                for (Set<BookingStatus> statuses : List.of(Set.<BookingStatus>of(), Set.of(BookingStatus.PENDING),
                        Set.of(BookingStatus.REJECTED))) {
                    BookingQuery query = range(share, statuses);
                    for (String order : List.of("id", "event_time, id")) {
                        for (boolean deep : new boolean[] {false, true}) {
                            ListQueryPlans.PageStart position = plans.pageStart(query, deep ? DEEP_PAGES : 0, order, pageSize);
                            if (deep && position.page() == 0) {
                                continue;   // one page only: the first page is the deepest
                            }
                            List<ListQueryPlans.Plan> runs = new ArrayList<>();
                            for (int i = 0; i < REPEATS; i++) {
                                runs.add(order.equals("id")
                                        ? plans.list(query, position.afterId() == null ? null : new BookingId(position.afterId()),
                                                pageSize + 1)
                                        : plans.listByEventTime(query, position.afterId() == null ? null
                                                : new EventTimeKey(position.afterTime(), new BookingId(position.afterId())),
                                                pageSize + 1));
                            }
                            ListQueryPlans.Plan plan = runs.get(REPEATS - 1);
                            double median = runs.stream().mapToDouble(ListQueryPlans.Plan::executionMs).sorted()
                                    .toArray()[REPEATS / 2];
                            boolean over = plan.sharedBuffers() > 50;
                            failures += over && pageSize <= 20 ? 1 : 0;
                            System.out.printf(Locale.ROOT, "%-8s %-9s %-10s %-13s %7d %5d %8d %9.2f  %s%s%n",
                                    percent(share), String.format("%,d", position.matching()),
                                    statuses.isEmpty() ? "-" : statuses.iterator().next().code(),
                                    order.equals("id") ? "id" : "event_time", position.page() + 1, plan.rows(),
                                    plan.sharedBuffers(), median, String.join(", ", plan.scans()), over ? "  > 50" : "");
                        }
                    }
                }
            }
        }
        if (args.length > 2) {
            http(args[2], pageSize(pageSizes));
        }
        System.out.printf("%n== %s%n", failures == 0 ? "every page of 20 or fewer read at most 50 shared buffers"
                : failures + " page(s) of 20 or fewer read more than 50 shared buffers");
        System.exit(failures == 0 ? 0 : 1);
    }

    static int pageSize(int[] sizes) {
        return Arrays.stream(sizes).min().orElse(20);
    }

    static BookingQuery range(double share, Set<BookingStatus> statuses) {
        long span = SPAN.toMillis();
        Instant from = START.plusMillis(Math.round(span * (1 - share) / 2));
        return new BookingQuery(statuses, from, from.plusMillis(Math.round(span * share)), null);
    }

    static String percent(double share) {
        return new java.math.BigDecimal(share * 100).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString() + "%";
    }


    /** GET /booking/ through the running service: first page, and page 101 reached by following next_cursor. */
    static void http(String base, int pageSize) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String form = "username=admin&password="
                + URLEncoder.encode(System.getenv("BENCH_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(login.body());
        if (!token.find()) {
            throw new IllegalStateException("no token: " + login.statusCode());
        }
        String bearer = "Bearer " + token.group(1);
        System.out.printf("%n== HTTP: GET /booking/ as admin, limit=%d, one client, %d requests per case after 3 warm-up"
                + " requests; client-side time (ms): median and max%n", pageSize, 21);
        System.out.printf("%-8s %-13s %5s %9s %9s%n", "range", "order", "page", "median", "max");
        for (double share : SHARES) {
            BookingQuery query = range(share, Set.of());
            for (String order : List.of("", "&order=event_time")) {
                String first = base + "/booking/?limit=" + pageSize + "&from=" + query.from() + "&to=" + query.to() + order;
                time(client, bearer, first, share, order, 1);
                if (share >= 0.1) {
                    String url = first;
                    for (int page = 1; page <= DEEP_PAGES; page++) {
                        String body = get(client, bearer, url).body();
                        Matcher cursor = Pattern.compile("\"next_cursor\":\"([^\"]+)\"").matcher(body);
                        if (!cursor.find()) {
                            throw new IllegalStateException("no next_cursor on page " + page);
                        }
                        url = first + "&cursor=" + URLEncoder.encode(cursor.group(1), StandardCharsets.UTF_8);
                    }
                    time(client, bearer, url, share, order, DEEP_PAGES + 1);
                }
            }
        }
    }

    static void time(HttpClient client, String bearer, String url, double share, String order, int page)
            throws Exception {
        for (int i = 0; i < 3; i++) {
            get(client, bearer, url);
        }
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(client, bearer, url);
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-8s %-13s %5d %9.2f %9.2f%n", percent(share),
                order.isEmpty() ? "id" : "event_time", page, ms[ms.length / 2], ms[ms.length - 1]);
    }

    static HttpResponse<String> get(HttpClient client, String bearer, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
