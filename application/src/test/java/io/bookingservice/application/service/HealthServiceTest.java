package io.bookingservice.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.port.in.CheckHealthUseCase.Readiness;
import io.bookingservice.application.port.out.SchemaStatus.State;
import io.bookingservice.application.testing.FakeSchemaStatus;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private final FakeSchemaStatus schema = new FakeSchemaStatus();
    private final HealthService service = new HealthService(schema);

    @Test
    void aCurrentSchemaIsReady() {
        schema.set(State.CURRENT);

        assertThat(service.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void anOutdatedSchemaIsNotReady() {
        schema.set(State.OUTDATED);

        assertThat(service.readiness()).isEqualTo(Readiness.SCHEMA_OUTDATED);
    }

    @Test
    void anUnreachableDatabaseIsUnavailable() {
        schema.set(State.UNREACHABLE);

        assertThat(service.readiness()).isEqualTo(Readiness.DATABASE_UNAVAILABLE);
    }
}
