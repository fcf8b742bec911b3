package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.application.model.StoredResponse;
import io.bookingservice.application.port.out.IdempotencyStore.Claim;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyRowTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void aCompletedRowWithTheSameFingerprintReplaysItsResponse() {
        IdempotencyRow row = new IdempotencyRow(1, "k", "fp", IdempotencyRow.COMPLETED, 201, "{\"id\":9}", CREATED);

        assertThat(row.classify("fp")).isEqualTo(new Claim.Completed(new StoredResponse(201, "{\"id\":9}")));
    }

    @Test
    void aDifferentFingerprintIsAMismatchWhateverTheState() {
        assertThat(new IdempotencyRow(1, "k", "fp", IdempotencyRow.COMPLETED, 201, "{}", CREATED).classify("other"))
                .isEqualTo(new Claim.Mismatch());
        assertThat(new IdempotencyRow(1, "k", "fp", IdempotencyRow.IN_PROGRESS, null, null, CREATED).classify("x"))
                .isEqualTo(new Claim.Mismatch());
    }

    @Test
    void anUnfinishedRowIsInProgress() {
        assertThat(new IdempotencyRow(1, "k", "fp", IdempotencyRow.IN_PROGRESS, null, null, CREATED).classify("fp"))
                .isEqualTo(new Claim.InProgress());
    }

    @Test
    void aRowExpiresStrictlyBeforeTheCutoff() {
        IdempotencyRow row = new IdempotencyRow(1, "k", "fp", IdempotencyRow.IN_PROGRESS, null, null, CREATED);

        assertThat(row.isExpiredAt(CREATED)).isFalse();
        assertThat(row.isExpiredAt(CREATED.plusNanos(1000))).isTrue();
    }
}
