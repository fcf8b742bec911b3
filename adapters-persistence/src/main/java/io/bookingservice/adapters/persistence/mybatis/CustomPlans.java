package io.bookingservice.adapters.persistence.mybatis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.postgresql.PGStatement;

/**
 * Keeps list queries with an event-time range ({@code from}/{@code to}) off server-side prepared
 * statements, so that PostgreSQL plans each with its actual values. Which index serves such a
 * page depends on how many bookings the range holds (BookingMapper.xml, "list"); a named
 * statement switches to one generic plan after five executions when that looks as cheap, and a
 * generic plan cannot know the range: measured on 1,000,000 bookings, a 0.1 % range then read 689
 * buffers instead of 38. pgjdbc uses the unnamed statement when the statement's prepare threshold
 * is 0; every other statement keeps the pool's threshold.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class CustomPlans implements Interceptor {

    static final Set<String> STATEMENTS = Set.of(BookingMapper.class.getName() + ".list",
            BookingMapper.class.getName() + ".listByEventTime");

    private final Configuration configuration;

    /**
     * @param configuration whose reflection cache reads the handler's statement: MyBatis's
     *                      {@code SystemMetaObject} builds a new cache on every call, and making
     *                      the fields accessible again threw and caught an
     *                      {@link IllegalAccessException} per statement (7 % of the CPU of
     *                      {@code GET /booking/{id}/} under load, async-profiler)
     */
    CustomPlans(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Statement statement = (Statement) invocation.proceed();
        if (hasRange(((StatementHandler) invocation.getTarget()).getBoundSql().getParameterObject())) {
            unnamed(statement);
        }
        return statement;
    }

    /**
     * Only the statement handlers of the list statements. MyBatis's default offers every
     * executor, parameter handler and result set handler too, and {@link Plugin#wrap} reads this
     * class's annotations again for each and builds a proxy: 1.5 % of the CPU of
     * {@code GET /booking/{id}/}, whose statements never need it (async-profiler).
     */
    @Override
    public Object plugin(Object target) {
        return target instanceof StatementHandler handler && STATEMENTS.contains(statementId(handler))
                ? Plugin.wrap(target, this) : target;
    }

    private String statementId(StatementHandler handler) {
        return ((MappedStatement) configuration.newMetaObject(handler).getValue("delegate.mappedStatement")).getId();
    }

    private static boolean hasRange(Object parameters) {
        return parameters instanceof Map<?, ?> map
                && (map.containsKey("from") && map.get("from") != null || map.containsKey("to") && map.get("to") != null);
    }

    private static void unnamed(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
