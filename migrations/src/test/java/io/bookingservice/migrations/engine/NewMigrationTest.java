package io.bookingservice.migrations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.migrations.engine.MigrationRefusedException.NewMigrationRefused;
import io.bookingservice.migrations.engine.MigrationScripts.NewMigration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewMigrationTest {

    @TempDir
    Path root;

    @Test
    void writesTheNextVersionAndItsUndoScriptFromTheTemplates() throws IOException {
        Path migration = Files.createDirectories(root.resolve("db/migration"));
        Files.writeString(migration.resolve("V1__booking_requests.sql"), "");
        Files.writeString(migration.resolve("V6__idempotency_keys.sql"), "");

        NewMigration written = MigrationScripts.newMigration("Add booking notes!", migration);

        assertThat(written.version()).isEqualTo("7");
        assertThat(written.versioned()).isEqualTo(migration.resolve("V7__add_booking_notes.sql"));
        assertThat(written.undo()).isEqualTo(root.resolve("db/undo/U7__add_booking_notes.sql").toAbsolutePath());
        String versioned = Files.readString(written.versioned());
        String undo = Files.readString(written.undo());
        assertThat(versioned).startsWith("-- V7: Add booking notes!\n").contains("on top of version 6")
                .contains("../undo/U7__add_booking_notes.sql");
        assertThat(undo).startsWith("-- U7: undo V7 (Add booking notes!), back to the schema of version 6.");
        // Flyway would refuse a placeholder it does not know, and the template must not leak its own.
        assertThat(versioned + undo).doesNotContain("${").doesNotContain("{{");
    }

    @Test
    void countsVersionsInTheUndoFolderToo() throws IOException {
        Path migration = Files.createDirectories(root.resolve("db/migration"));
        Path undo = Files.createDirectories(root.resolve("db/undo"));
        Files.writeString(migration.resolve("V2__users.sql"), "");
        // An undo script whose V was removed: its version must not be reused for another change.
        Files.writeString(undo.resolve("U3__abandoned.sql"), "");

        assertThat(MigrationScripts.newMigration("next", migration).version()).isEqualTo("4");
        assertThat(MigrationScripts.newMigration("and another", migration).version()).isEqualTo("5");
    }

    @Test
    void startsAtOneInAnEmptyFolder() throws IOException {
        Path migration = Files.createDirectories(root.resolve("migration"));

        NewMigration written = MigrationScripts.newMigration("initial schema", migration);

        assertThat(written.versioned().getFileName()).hasToString("V1__initial_schema.sql");
        assertThat(Files.readString(written.versioned())).contains("on top of version base");
    }

    @Test
    void refusesAMissingFolderAndAMessageWithoutWords() throws IOException {
        assertThatThrownBy(() -> MigrationScripts.newMigration("x", root.resolve("nowhere")))
                .isInstanceOf(NewMigrationRefused.class)
                .hasMessageContaining("does not exist").hasMessageContaining("--dir");
        Path migration = Files.createDirectories(root.resolve("migration"));
        assertThatThrownBy(() -> MigrationScripts.newMigration(" !? ", migration))
                .isInstanceOf(NewMigrationRefused.class).hasMessageContaining("no letters or digits");
        assertThat(migration).isEmptyDirectory();
    }

    @Test
    void slugsAreLowercaseWordsJoinedByUnderscoresAndBounded() {
        assertThat(MigrationScripts.slug("  Add Index on (status, event_time) ")).isEqualTo("add_index_on_status_event_time");
        assertThat(MigrationScripts.slug("ä".repeat(3) + "x".repeat(100))).isEqualTo("x".repeat(60));
    }
}
