package io.bookingservice.migrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.migrations.catalog.CatalogSnapshot.Column;
import io.bookingservice.migrations.catalog.CatalogSnapshot.Constraint;
import io.bookingservice.migrations.catalog.CatalogSnapshot.Index;
import io.bookingservice.migrations.catalog.CatalogSnapshot.Sequence;
import io.bookingservice.migrations.catalog.CatalogSnapshot.Table;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    private static final Column ID = new Column("id", "integer", true, "nextval('t_id_seq'::regclass)");
    private static final Column TOPIC = new Column("topic", "character varying", true, null);
    private static final Column NOTE = new Column("note", "text", false, null);

    @Test
    void equalSchemasHaveNoDifferences() {
        assertThat(snapshot(List.of(ID, TOPIC), "CREATE INDEX ix ON public.t USING btree (id)", 1))
                .isEqualTo(snapshot(List.of(ID, TOPIC), "CREATE INDEX ix ON public.t USING btree (id)", 1))
                .satisfies(s -> assertThat(s.diff(s)).isEmpty());
    }

    @Test
    void namesEachDifferenceWithExpectedThenLiveValue() {
        CatalogSnapshot expected = snapshot(List.of(ID, TOPIC, NOTE), "CREATE INDEX ix ON public.t USING btree (id)", 1);
        CatalogSnapshot live = snapshot(
                List.of(new Column("id", "integer", true, null), new Column("topic", "text", false, null)),
                "CREATE UNIQUE INDEX ix ON public.t USING btree (id)", 5);

        assertThat(expected.diff(live)).containsExactly(
                "column t.id: default nextval('t_id_seq'::regclass) ≠ (none)",
                "column t.note missing in live",
                "column t.topic: nullability NOT NULL ≠ NULL",
                "column t.topic: type character varying ≠ text",
                "index ix: definition CREATE INDEX ix ON public.t USING btree (id)"
                        + " ≠ CREATE UNIQUE INDEX ix ON public.t USING btree (id)",
                "sequence t_id_seq: increment 1 ≠ 5");
    }

    @Test
    void reportsObjectsOnlyOneSideHas() {
        CatalogSnapshot withIndex = snapshot(List.of(ID), "CREATE INDEX ix ON public.t USING btree (id)", 1);
        CatalogSnapshot empty = new CatalogSnapshot(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

        assertThat(withIndex.diff(empty)).containsExactly(
                "constraint t.t_pkey missing in live",
                "index ix missing in live",
                "sequence t_id_seq missing in live",
                "table t missing in live");
        assertThat(empty.diff(withIndex)).contains("table t unexpected in live", "index ix unexpected in live");
    }

    @Test
    void columnOrderIsPartOfTheSchema() {
        CatalogSnapshot expected = snapshot(List.of(ID, TOPIC), "CREATE INDEX ix ON public.t USING btree (id)", 1);
        CatalogSnapshot live = snapshot(List.of(TOPIC, ID), "CREATE INDEX ix ON public.t USING btree (id)", 1);

        assertThat(expected.diff(live)).containsExactly("table t: column order [id, topic] ≠ [topic, id]");
    }

    private static CatalogSnapshot snapshot(List<Column> columns, String indexDefinition, long increment) {
        var tables = new TreeMap<String, Table>();
        tables.put("t", new Table("t", columns));
        var indexes = new TreeMap<String, Index>();
        indexes.put("ix", new Index("ix", "t", indexDefinition));
        var constraints = new TreeMap<String, Constraint>();
        constraints.put("t.t_pkey", new Constraint("t_pkey", "t", "PRIMARY KEY (id)"));
        var sequences = new TreeMap<String, Sequence>();
        sequences.put("t_id_seq",
                new Sequence("t_id_seq", "integer", 1, increment, 1, Integer.MAX_VALUE, 1, false, "t.id"));
        return new CatalogSnapshot(tables, indexes, constraints, sequences);
    }
}
