package io.bookingservice.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserValuesTest {

    private static Rule ruleOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::rule).findFirst().orElseThrow();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void aPasswordOfEightToOneHundredTwentyEightCharactersIsKeptWhole() {
        String longest = "p".repeat(127) + "!";

        assertThat(new PlainPassword("12345678").value()).isEqualTo("12345678");
        assertThat(new PlainPassword(longest).value()).as("never truncated").isEqualTo(longest);
    }

    @Test
    void aPasswordOfSevenCharactersIsTooShort() {
        assertThat(ruleOf(() -> new PlainPassword("1234567"))).isEqualTo(Rule.TOO_SHORT);
    }

    @Test
    void aPasswordOfOneHundredTwentyNineCharactersIsRefusedNotTruncated() {
        assertThat(ruleOf(() -> new PlainPassword("p".repeat(129)))).isEqualTo(Rule.TOO_LONG);
    }

    @Test
    void passwordLengthCountsCharactersNotUtf16Units() {
        String eightEmoji = "\uD83D\uDD11".repeat(8);

        assertThat(new PlainPassword(eightEmoji).value()).isEqualTo(eightEmoji);
        assertThat(ruleOf(() -> new PlainPassword("\uD83D\uDD11".repeat(129)))).isEqualTo(Rule.TOO_LONG);
    }

    @Test
    void aMissingPasswordIsReportedAsMissing() {
        assertThat(ruleOf(() -> new PlainPassword(null))).isEqualTo(Rule.REQUIRED);
    }

    @Test
    void passwordsAndHashesNeverShowInToString() {
        PlainPassword password = new PlainPassword("s3cret-value");
        PasswordHash hash = new PasswordHash("$argon2id$v=19$secret-hash");

        assertThat(password.toString()).doesNotContain("s3cret");
        assertThat(hash.toString()).doesNotContain("argon2id").doesNotContain("secret-hash");
        User user = new User(new UserId(1), new Username("alice"), hash, false, Role.REQUESTER, null);
        assertThat(user.toString()).doesNotContain("secret-hash");
    }

    @Test
    void aBlankHashIsNeverStored() {
        assertThatThrownBy(() -> new PasswordHash(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usernamesHaveOneToOneHundredCharacters() {
        assertThat(new Username("a").value()).isEqualTo("a");
        assertThat(new Username("u".repeat(100)).value()).hasSize(100);
        assertThat(ruleOf(() -> new Username(""))).isEqualTo(Rule.TOO_SHORT);
        assertThat(ruleOf(() -> new Username(null))).isEqualTo(Rule.TOO_SHORT);
        assertThat(ruleOf(() -> new Username("u".repeat(101)))).isEqualTo(Rule.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice", "alice ", "al\u0000ice"})
    void usernamesHaveNoSurroundingBlanksOrControlCharacters(String name) {
        assertThat(ruleOf(() -> new Username(name))).isEqualTo(Rule.UNTRIMMED_OR_CONTROL_CHARACTERS);
    }

    @Test
    void rolesUseTheLowerCaseLegacyCodes() {
        assertThat(Role.fromCode("admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.fromCode("requester")).isEqualTo(Role.REQUESTER);
        assertThatThrownBy(() -> Role.fromCode("Admin"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.rule()).isEqualTo(Rule.NOT_ONE_OF);
                            assertThat(v.options()).containsExactly("admin", "requester");
                            assertThat(v.rejected()).isEqualTo("Admin");
                        }));
    }

    @Test
    void aPasswordChangeIsDatedButARehashIsNot() {
        Instant before = Instant.parse("2030-01-01T00:00:00Z");
        Instant after = Instant.parse("2030-02-01T00:00:00Z");
        User user = new User(new UserId(1), new Username("alice"), new PasswordHash("old"), false, Role.REQUESTER,
                before);

        assertThat(user.withPassword(new PasswordHash("new"), after).passwordChangedAt()).isEqualTo(after);
        assertThat(user.withRehashedPassword(new PasswordHash("rehashed")).passwordChangedAt()).isEqualTo(before);
    }
}
