package io.bookingservice.migrations.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyFixtureTest {

    @Test
    void splitsOnSemicolonsOutsideStringsAndDropsComments() {
        List<String> statements = LegacyFixture.split("""
                -- a comment; with a semicolon
                SET a = 1;

                INSERT INTO t VALUES ('x; y', 'it''s -- not a comment;');
                CREATE TABLE u (
                    id integer -- trailing comment
                );
                """);

        assertThat(statements).containsExactly(
                "SET a = 1",
                "INSERT INTO t VALUES ('x; y', 'it''s -- not a comment;')",
                "CREATE TABLE u (\n    id integer \n)");
    }

    @Test
    void refusesWhatItCannotSplitSafely() {
        assertThatIllegalArgumentException().isThrownBy(() -> LegacyFixture.split("DO $$ BEGIN; END $$;"));
        assertThatIllegalArgumentException().isThrownBy(() -> LegacyFixture.split("/* a; b */ SELECT 1;"));
        assertThatIllegalArgumentException().isThrownBy(() -> LegacyFixture.split("SELECT 'open;"));
        assertThatIllegalArgumentException().isThrownBy(() -> LegacyFixture.split("SELECT 1"));
    }

    @Test
    void theDumpHasItsSchemaAndAllItsRows() {
        List<String> statements = LegacyFixture.statements();

        assertThat(statements).filteredOn(sql -> sql.startsWith("CREATE TABLE")).hasSize(3);
        assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO public.booking_requests")).hasSize(5);
        assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO public.users")).hasSize(3);
        assertThat(statements).noneMatch(sql -> sql.contains("--"));
    }
}
