package io.bookingservice.adapters.persistence.mybatis;

import io.bookingservice.application.model.BookingQuery;
import io.bookingservice.application.model.EventTimeKey;
import io.bookingservice.domain.booking.BookingId;
import io.bookingservice.domain.booking.BookingStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the booking list (and overlap) statements exactly as this adapter sends
 * them: the SQL is rendered from {@code BookingMapper.xml} with the same parameters
 * {@link MyBatisBookingRepository} passes and bound by the same type handlers. Used by
 * {@code bench/data} and by the buffer gate {@code ListQueryBuffersIT}, so that neither measures a
 * hand-copied query. Not used by the service.
 */
public final class ListQueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final Configuration configuration;

    private ListQueryPlans(DataSource dataSource) {
        this.dataSource = dataSource;
        this.configuration = MyBatisPersistence.sessionFactory(dataSource).getConfiguration();
    }

    public static ListQueryPlans over(DataSource dataSource) {
        return new ListQueryPlans(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Where a page of a range listing starts: page {@code min(maxPage, last page)} (0-based) of the
     * bookings in {@code query}'s range and statuses, in {@code order} ({@code "id"} or
     * {@code "event_time, id"}), and the last booking before it (the cursor), found with plain SQL.
     */
    public PageStart pageStart(BookingQuery query, long maxPage, String order, int pageSize) throws SQLException {
        if (!order.equals("id") && !order.equals("event_time, id")) {
            throw new IllegalArgumentException("order must be \"id\" or \"event_time, id\"");
        }
        String where = " FROM booking_requests WHERE event_time >= ? AND event_time < ?"
                + (query.statuses().isEmpty() ? "" : " AND status = ANY (?)");
        try (Connection connection = dataSource.getConnection()) {
            long matching;
            try (PreparedStatement count = bindRange(connection, "SELECT count(*)" + where, query);
                    ResultSet result = count.executeQuery()) {
                result.next();
                matching = result.getLong(1);
            }
            long page = Math.min(maxPage, Math.max(0, (matching - 1) / pageSize));
            if (page == 0) {
                return new PageStart(matching, 0, null, null);
            }
            try (PreparedStatement last = bindRange(connection, "SELECT id, event_time" + where + " ORDER BY " + order
                    + " OFFSET " + (page * pageSize - 1) + " LIMIT 1", query);
                    ResultSet result = last.executeQuery()) {
                result.next();
                return new PageStart(matching, page, result.getLong(1),
                        result.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
    }

    /**
     * @param matching  bookings in the range
     * @param page      the page's number, 0 for the first
     * @param afterId   the cursor's id, {@code null} on the first page
     * @param afterTime the cursor's event time, {@code null} on the first page
     */
    public record PageStart(long matching, long page, Long afterId, Instant afterTime) {
    }

    private static PreparedStatement bindRange(Connection connection, String sql, BookingQuery query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setObject(1, OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        statement.setObject(2, OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        if (!query.statuses().isEmpty()) {
            statement.setArray(3, connection.createArrayOf("varchar",
                    query.statuses().stream().map(BookingStatus::code).toArray()));
        }
        return statement;
    }

    /**
     * The plan of one page in id order ({@code BookingRepository.list}).
     *
     * @param limit rows asked of the database: the page size + 1, as the service asks
     */
    public Plan list(BookingQuery query, BookingId after, int limit) {
        Map<String, Object> parameters = filters(query);
        parameters.put("after", after == null ? null : after.value());
        parameters.put("limit", limit);
        return explain("list", parameters);
    }

    /**
     * The plan of one page in {@code (event_time, id)} order ({@code BookingRepository.listByEventTime}).
     *
     * @param limit rows asked of the database: the page size + 1, as the service asks
     */
    public Plan listByEventTime(BookingQuery query, EventTimeKey after, int limit) {
        Map<String, Object> parameters = filters(query);
        parameters.put("afterTime", after == null ? null : after.eventTime());
        parameters.put("afterId", after == null ? null : after.id().value());
        parameters.put("afterUntimed", after != null && after.eventTime() == null);
        parameters.put("limit", limit);
        return explain("listByEventTime", parameters);
    }

    /** The plan of the accepted bookings a slot overlaps ({@code BookingRepository.findAcceptedOverlapping}). */
    public Plan acceptedOverlapping(Instant start, Instant end) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("start", start);
        parameters.put("end", end);
        return explain("findAcceptedOverlapping", parameters);
    }

    /** The plan of the lookup of the booking the exclusion constraint found in a slot's way. */
    public Plan constraintConflict(Instant start, Instant end, Long excludeId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("start", start);
        parameters.put("end", end);
        parameters.put("excludeId", excludeId);
        return explain("findConstraintConflict", parameters);
    }

    private static Map<String, Object> filters(BookingQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("statuses", query.statuses().stream().map(BookingStatus::code).sorted().toList());
        parameters.put("from", query.from());
        parameters.put("to", query.to());
        parameters.put("owner", query.owner() == null ? null : query.owner().value());
        return parameters;
    }

    private Plan explain(String statement, Map<String, Object> parameters) {
        MappedStatement mapped = configuration.getMappedStatement(BookingMapper.class.getName() + "." + statement);
        BoundSql bound = mapped.getBoundSql(parameters);
        String sql = bound.getSql().strip().replaceAll("\\s+", " ");
        ParameterHandler binder = new DefaultParameterHandler(mapped, parameters, bound);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + bound.getSql())) {
            binder.setParameters(explain);
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                return Plan.of(sql, JSON.readTree(result.getString(1)).get(0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN of " + statement + " failed", e);
        }
    }

    /**
     * One executed plan.
     *
     * @param sql           the statement as sent (whitespace collapsed), with {@code ?} placeholders
     * @param sharedBuffers shared buffers the execution touched (hit + read), planning excluded
     * @param rows          rows returned
     * @param executionMs   PostgreSQL's execution time
     * @param planningMs    PostgreSQL's planning time
     * @param scans         the scan nodes with their index, in plan order (e.g. {@code Index Scan on ix_…})
     */
    public record Plan(String sql, long sharedBuffers, long rows, double executionMs, double planningMs,
                       List<String> scans) {

        static Plan of(String sql, JsonNode explained) {
            JsonNode root = explained.get("Plan");
            List<String> scans = new java.util.ArrayList<>();
            collectScans(root, scans);
            return new Plan(sql, root.get("Shared Hit Blocks").asLong() + root.get("Shared Read Blocks").asLong(),
                    root.get("Actual Rows").asLong(), explained.get("Execution Time").asDouble(),
                    explained.get("Planning Time").asDouble(), List.copyOf(scans));
        }

        private static void collectScans(JsonNode node, List<String> scans) {
            String type = node.get("Node Type").asString();
            if (type.endsWith("Scan")) {
                JsonNode index = node.get("Index Name");
                scans.add(type + (index == null ? "" : " on " + index.asString()));
            }
            JsonNode children = node.get("Plans");
            if (children != null) {
                children.forEach(child -> collectScans(child, scans));
            }
        }
    }
}
