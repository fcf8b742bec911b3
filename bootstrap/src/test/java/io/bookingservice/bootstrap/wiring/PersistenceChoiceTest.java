package io.bookingservice.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.bootstrap.config.Persistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** BOOKING_PERSISTENCE is turned into adapters in one place, and each value gets its own. */
class PersistenceChoiceTest {

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void everyValueHasRepositoriesAndWhatServingAdds(Persistence persistence) {
        PersistenceChoice choice = PersistenceChoice.of(persistence);

        assertThat(choice.repositories()).isNotEmpty();
        assertThat(choice.serving()).isNotEmpty().doesNotContainAnyElementsOf(choice.repositories());
    }

    @Test
    void memoryGetsNoDatabaseAndPostgresNoInMemoryRepositories() {
        assertThat(PersistenceChoice.of(Persistence.MEMORY).repositories()).containsExactly(MemoryPersistenceConfiguration.class);
        assertThat(PersistenceChoice.of(Persistence.MEMORY).serving()).containsExactly(MemoryThrottleConfiguration.class);
        assertThat(PersistenceChoice.of(Persistence.POSTGRES).repositories())
                .containsExactly(DatabaseConfiguration.class, PostgresPersistenceConfiguration.class);
        // Migrating at start is serve's, never an operator command's.
        assertThat(PersistenceChoice.of(Persistence.POSTGRES).serving()).contains(SchemaAtStartConfiguration.class);
    }
}
