package io.bookingservice.adapters.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.user.NewUser;
import io.bookingservice.domain.user.PasswordHash;
import io.bookingservice.domain.user.Role;
import io.bookingservice.domain.user.User;
import io.bookingservice.domain.user.UserId;
import io.bookingservice.domain.user.Username;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserRowTest {

    private static final String HASH = "$2b$12$NjNQgZarzNYj4ylwSXrstut35wV7ZroDwaF8MhDD1lpgM9FrHmogu";

    @Test
    void aUserSurvivesTheRoundTripThroughItsRow() {
        User user = new User(new UserId(3), new Username("old.requester"), new PasswordHash(HASH), true,
                Role.REQUESTER, null);

        UserRow row = UserRow.fromDomain(user);

        assertThat(row).isEqualTo(new UserRow(3L, "old.requester", HASH, true, "requester", null));
        assertThat(row.toDomain()).isEqualTo(user);
    }

    @Test
    void aNewUserHasNoIdInItsRowAndKeepsItsPasswordTime() {
        Instant changed = Instant.parse("2025-03-01T12:00:00Z");
        UserRow row = UserRow.fromDomain(new NewUser(new Username("admin"), new PasswordHash(HASH), false,
                Role.ADMIN, changed));

        assertThat(row.id()).isNull();
        assertThat(row.role()).isEqualTo("admin");
        assertThat(row.passwordChangedAt()).isEqualTo(changed);
    }

    @Test
    void theHashNeverAppearsInTheRowsText() {
        assertThat(new UserRow(1L, "admin", HASH, false, "admin", null).toString())
                .doesNotContain(HASH)
                .contains("admin");
    }

    @Test
    void aStoredRowTheDomainRefusesIsTheServicesFaultNotTheClients() {
        UserRow unknownRole = new UserRow(4L, "operator", HASH, false, "root", null);
        UserRow paddedName = new UserRow(5L, " padded ", HASH, false, "requester", null);

        assertThatThrownBy(unknownRole::toDomain).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("users row 4");
        assertThatThrownBy(paddedName::toDomain).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("users row 5");
    }
}
