package io.bookingservice.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import io.bookingservice.domain.user.PlainPassword;
import io.bookingservice.domain.user.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CLI words the core's violations its own way, without pydantic's vocabulary. */
class OperatorWordingTest {

    @Test
    void aShortPasswordIsNamedByItsOption() {
        ValidationException e = catchValidation(() -> new PlainPassword("short"));

        assertThat(OperatorWording.describe(new ValidationException(e.violations().get(0).of("newPassword"))))
                .isEqualTo("--new-password needs at least 8 characters");
    }

    @Test
    void anUnknownRoleListsTheChoices() {
        ValidationException e = catchValidation(() -> Role.fromCode("root"));

        assertThat(OperatorWording.describe(new ValidationException(e.violations().get(0).of("role"))))
                .isEqualTo("--role must be one of admin, requester (got 'root')");
    }

    @Test
    void everyRuleHasASentenceFreeOfWireVocabulary() {
        Set<Rule> rules = EnumSet.allOf(Rule.class);
        for (Rule rule : rules) {
            String sentence = OperatorWording.sentence(new Violation("topic", rule, 3, "x", List.of("a", "b")));
            assertThat(sentence).as(rule.name()).startsWith("--topic ")
                    .doesNotContain("Input should", "Value error", "String should", "_");
        }
    }

    private static ValidationException catchValidation(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }
}
