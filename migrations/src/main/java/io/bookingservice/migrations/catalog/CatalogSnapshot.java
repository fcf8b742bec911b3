package io.bookingservice.migrations.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The structure of one PostgreSQL schema as read from its catalog: tables with their
 * columns, indexes, constraints and sequences. Two snapshots are equal exactly when the
 * schemas are structurally the same, whatever their data; {@link #diff} says how they
 * differ, one readable line per difference.
 *
 * <p>Used to prove that migrations build what they claim (V1–V2 against the legacy Alembic
 * schema, undo scripts against the previous version) and to detect drift of a live
 * database. Bookkeeping tables such as {@code flyway_schema_history} are left out by
 * passing them as excluded tables, together with their indexes, constraints and owned
 * sequences.
 *
 * <p>Scope: ordinary and partitioned tables, their columns (type, nullability, default,
 * order), all indexes ({@code pg_get_indexdef}), constraints except PostgreSQL 18's
 * catalogued NOT NULL constraints (nullability is compared on the column instead, and
 * their generated names would make equal schemas differ) ({@code pg_get_constraintdef}),
 * and sequences. Views, functions, triggers, extensions, grants and comments are not
 * compared.
 *
 * @param tables by name
 * @param indexes by name (index names are unique within a schema)
 * @param constraints by {@code table.constraint} (constraint names are unique per table only)
 * @param sequences by name
 */
public record CatalogSnapshot(
        SortedMap<String, Table> tables,
        SortedMap<String, Index> indexes,
        SortedMap<String, Constraint> constraints,
        SortedMap<String, Sequence> sequences) {

    /** Tables that record migration state rather than application data. */
    public static final Set<String> BOOKKEEPING_TABLES =
            Set.of("flyway_schema_history", "alembic_version", "migration_downgrade_log");

    public CatalogSnapshot {
        tables = immutableCopy(tables);
        indexes = immutableCopy(indexes);
        constraints = immutableCopy(constraints);
        sequences = immutableCopy(sequences);
    }

    /**
     * A table and its columns in their physical order.
     *
     * @param name table name
     * @param columns columns in attribute order
     */
    public record Table(String name, List<Column> columns) {
        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param name column name
     * @param type as {@code format_type} renders it, e.g. {@code character varying(100)}
     * @param notNull whether the column is NOT NULL
     * @param defaultExpression as {@code pg_get_expr} renders it, or {@code null} for none
     */
    public record Column(String name, String type, boolean notNull, String defaultExpression) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * @param name index name
     * @param table indexed table
     * @param definition {@code pg_get_indexdef}, e.g. {@code CREATE INDEX ix ON public.t USING btree (id)}
     */
    public record Index(String name, String table, String definition) {
        public Index {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(definition, "definition");
        }
    }

    /**
     * @param name constraint name
     * @param table constrained table
     * @param definition {@code pg_get_constraintdef}, e.g. {@code CHECK ((duration_minutes > 0))};
     *     it names the kind of constraint and says whether it is NOT VALID or deferrable
     */
    public record Constraint(String name, String table, String definition) {
        public Constraint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(definition, "definition");
        }
    }

    /**
     * @param name sequence name
     * @param type {@code smallint}, {@code integer} or {@code bigint}
     * @param ownedBy {@code table.column} owning the sequence, or {@code null}
     */
    public record Sequence(
            String name, String type, long start, long increment, long minValue, long maxValue,
            long cache, boolean cycle, String ownedBy) {
        public Sequence {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Reads a schema over a connection of its own.
     *
     * @param dataSource database to read
     * @param schema schema name, e.g. {@code public}
     * @param excludedTables tables to leave out, with their indexes, constraints and owned sequences
     */
    public static CatalogSnapshot read(DataSource dataSource, String schema, Set<String> excludedTables)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, schema, excludedTables);
        }
    }

    /**
     * Reads a schema over the given connection, which is left as it was found.
     *
     * <p>{@code pg_get_expr} qualifies names that are not on the {@code search_path}, so the
     * schema is read with {@code search_path} set to it alone: defaults then render the same
     * (e.g. {@code nextval('booking_requests_id_seq'::regclass)}) whatever the caller's setting.
     *
     * @see #read(DataSource, String, Set)
     */
    public static CatalogSnapshot read(Connection connection, String schema, Set<String> excludedTables)
            throws SQLException {
        Objects.requireNonNull(schema, "schema");
        Set<String> excluded = Set.copyOf(excludedTables);
        String previousSearchPath = singleString(connection, "SELECT current_setting('search_path')", null);
        singleString(connection, "SELECT set_config('search_path', quote_ident(?), false)", schema);
        try {
            return new CatalogSnapshot(
                    readTables(connection, schema, excluded),
                    readIndexes(connection, schema, excluded),
                    readConstraints(connection, schema, excluded),
                    readSequences(connection, schema, excluded));
        } finally {
            singleString(connection, "SELECT set_config('search_path', ?, false)", previousSearchPath);
        }
    }

    /**
     * How {@code live} differs from this snapshot, the expected one: one line per difference,
     * sorted, empty when the schemas are equal. Values read as {@code expected ≠ live}, e.g.
     * {@code column booking_requests.topic: type text ≠ character varying} or
     * {@code index ix_x missing in live}.
     */
    public List<String> diff(CatalogSnapshot live) {
        List<String> lines = new ArrayList<>();
        diffByName("table", tables, live.tables, lines, CatalogSnapshot::diffTable);
        diffByName("index", indexes, live.indexes, lines, (expected, actual, out) ->
                attribute(out, "index " + expected.name(), "definition", expected.definition(), actual.definition()));
        diffByName("constraint", constraints, live.constraints, lines, (expected, actual, out) ->
                attribute(out, "constraint " + qualified(expected), "definition",
                        expected.definition(), actual.definition()));
        diffByName("sequence", sequences, live.sequences, lines, CatalogSnapshot::diffSequence);
        Collections.sort(lines);
        return List.copyOf(lines);
    }

    private interface ObjectDiff<T> {
        void diff(T expected, T live, List<String> out);
    }

    private static <T> void diffByName(
            String kind, Map<String, T> expected, Map<String, T> live, List<String> out, ObjectDiff<T> objectDiff) {
        Set<String> names = new TreeSet<>(expected.keySet());
        names.addAll(live.keySet());
        for (String name : names) {
            T e = expected.get(name);
            T l = live.get(name);
            if (l == null) {
                out.add(kind + " " + name + " missing in live");
            } else if (e == null) {
                out.add(kind + " " + name + " unexpected in live");
            } else {
                objectDiff.diff(e, l, out);
            }
        }
    }

    private static void diffTable(Table expected, Table live, List<String> out) {
        Map<String, Column> expectedColumns = byName(expected.columns());
        Map<String, Column> liveColumns = byName(live.columns());
        diffByName("column", prefixed(expected.name(), expectedColumns), prefixed(live.name(), liveColumns), out,
                (e, l, lines) -> {
                    String subject = "column " + expected.name() + "." + e.name();
                    attribute(lines, subject, "type", e.type(), l.type());
                    attribute(lines, subject, "nullability", nullability(e), nullability(l));
                    attribute(lines, subject, "default", e.defaultExpression(), l.defaultExpression());
                });
        // Order matters: the legacy fixture and pg_dump use INSERTs without column lists.
        List<String> expectedOrder = commonNames(expected.columns(), liveColumns.keySet());
        List<String> liveOrder = commonNames(live.columns(), expectedColumns.keySet());
        attribute(out, "table " + expected.name(), "column order", expectedOrder, liveOrder);
    }

    private static void diffSequence(Sequence expected, Sequence live, List<String> out) {
        String subject = "sequence " + expected.name();
        attribute(out, subject, "type", expected.type(), live.type());
        attribute(out, subject, "start", expected.start(), live.start());
        attribute(out, subject, "increment", expected.increment(), live.increment());
        attribute(out, subject, "min value", expected.minValue(), live.minValue());
        attribute(out, subject, "max value", expected.maxValue(), live.maxValue());
        attribute(out, subject, "cache", expected.cache(), live.cache());
        attribute(out, subject, "cycle", expected.cycle(), live.cycle());
        attribute(out, subject, "owned by", expected.ownedBy(), live.ownedBy());
    }

    private static void attribute(List<String> out, String subject, String attribute, Object expected, Object live) {
        if (!Objects.equals(expected, live)) {
            out.add(subject + ": " + attribute + " " + render(expected) + " ≠ " + render(live));
        }
    }

    private static String render(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    private static String nullability(Column column) {
        return column.notNull() ? "NOT NULL" : "NULL";
    }

    private static String qualified(Constraint constraint) {
        return constraint.table() + "." + constraint.name();
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> byName = new TreeMap<>();
        columns.forEach(column -> byName.put(column.name(), column));
        return byName;
    }

    private static Map<String, Column> prefixed(String table, Map<String, Column> columns) {
        Map<String, Column> prefixed = new TreeMap<>();
        columns.forEach((name, column) -> prefixed.put(table + "." + name, column));
        return prefixed;
    }

    private static List<String> commonNames(List<Column> columns, Set<String> others) {
        return columns.stream().map(Column::name).filter(others::contains).toList();
    }

    private static SortedMap<String, Table> readTables(Connection connection, String schema, Set<String> excluded)
            throws SQLException {
        String sql = """
                SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid)
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
                 ORDER BY c.relname, a.attnum
                """;
        Map<String, List<Column>> columnsByTable = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (!excluded.contains(table)) {
                        columnsByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(
                                rows.getString(2), rows.getString(3), rows.getBoolean(4), rows.getString(5)));
                    }
                }
            }
        }
        SortedMap<String, Table> tables = new TreeMap<>();
        columnsByTable.forEach((name, columns) -> tables.put(name, new Table(name, columns)));
        return tables;
    }

    private static SortedMap<String, Index> readIndexes(Connection connection, String schema, Set<String> excluded)
            throws SQLException {
        String sql = """
                SELECT i.relname, t.relname, pg_get_indexdef(i.oid)
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = i.relnamespace
                 WHERE n.nspname = ?
                """;
        SortedMap<String, Index> indexes = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Index index = new Index(rows.getString(1), rows.getString(2), rows.getString(3));
                    if (!excluded.contains(index.table())) {
                        indexes.put(index.name(), index);
                    }
                }
            }
        }
        return indexes;
    }

    private static SortedMap<String, Constraint> readConstraints(
            Connection connection, String schema, Set<String> excluded) throws SQLException {
        String sql = """
                SELECT co.conname, t.relname, pg_get_constraintdef(co.oid)
                  FROM pg_constraint co
                  JOIN pg_class t ON t.oid = co.conrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ? AND co.contype <> 'n'
                """;
        SortedMap<String, Constraint> constraints = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Constraint constraint = new Constraint(rows.getString(1), rows.getString(2), rows.getString(3));
                    if (!excluded.contains(constraint.table())) {
                        constraints.put(qualified(constraint), constraint);
                    }
                }
            }
        }
        return constraints;
    }

    private static SortedMap<String, Sequence> readSequences(
            Connection connection, String schema, Set<String> excluded) throws SQLException {
        // Ownership (serial, OWNED BY: deptype 'a'; identity: 'i') ties a sequence to a column.
        String sql = """
                SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
                       s.seqmax, s.seqcache, s.seqcycle, owner.relname, owner_column.attname
                  FROM pg_sequence s
                  JOIN pg_class c ON c.oid = s.seqrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
                  LEFT JOIN pg_class owner ON owner.oid = d.refobjid
                  LEFT JOIN pg_attribute owner_column
                         ON owner_column.attrelid = d.refobjid AND owner_column.attnum = d.refobjsubid
                 WHERE n.nspname = ?
                """;
        SortedMap<String, Sequence> sequences = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String ownerTable = rows.getString(9);
                    if (ownerTable != null && excluded.contains(ownerTable)) {
                        continue;
                    }
                    String ownedBy = ownerTable == null ? null : ownerTable + "." + rows.getString(10);
                    Sequence sequence = new Sequence(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7),
                            rows.getBoolean(8), ownedBy);
                    sequences.put(sequence.name(), sequence);
                }
            }
        }
        return sequences;
    }

    private static String singleString(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static <V> SortedMap<String, V> immutableCopy(SortedMap<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
