package io.bookingservice.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bookingservice.domain.Rule;
import io.bookingservice.domain.ValidationException;
import io.bookingservice.domain.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USA                                    | United States
            us                                     | United States
            United States of America               | United States
            JP                                     | Japan
            jpn                                    | Japan
            Great Britain                          | United Kingdom
            Niger                                  | Niger
            Nigeria                                | Nigeria
            NER                                    | Niger
            cote d'ivoire                          | Côte d'Ivoire
            CÔTE D'IVOIRE                          | Côte d'Ivoire
            Korea, Democratic People's Republic of | Korea, Democratic People's Republic of
            North Korea                            | Korea, Democratic People's Republic of
            South Korea                            | Korea, Republic of
            """)
    void findsTheCountryAUserMeant(String input, String name) {
        assertThat(Country.lookup(input).name()).isEqualTo(name);
    }

    @Test
    void nigerIsAnExactMatchAndNeverNigeria() {
        assertThat(Country.lookup("niger").alpha2()).isEqualTo("NE");
    }

    @Test
    void anAmbiguousNameListsTheCandidates() {
        assertThatThrownBy(() -> Country.lookup("Korea"))
                .isInstanceOf(ValidationException.class)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.rule()).isEqualTo(Rule.AMBIGUOUS_COUNTRY);
                            assertThat(v.options()).contains("Korea, Republic of",
                                    "Korea, Democratic People's Republic of");
                        }));
    }

    @Test
    void anUnknownCountryIsNamedInTheMessage() {
        assertThatThrownBy(() -> Country.lookup("Atlantis"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.rule()).isEqualTo(Rule.UNKNOWN_COUNTRY);
                            assertThat(v.rejected()).isEqualTo("Atlantis");
                        }));
    }

    @Test
    void aBlankCountryIsRefused() {
        assertThatThrownBy(() -> Country.lookup("  ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Country.lookup(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void punctuationAloneMatchesNothing() {
        assertThatThrownBy(() -> Country.lookup("'..'"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly(Rule.UNKNOWN_COUNTRY));
    }

    @Test
    void everyCountryOfTheDataFileIsLoaded() {
        assertThat(Country.all()).hasSizeGreaterThanOrEqualTo(249)
                .extracting(Country::alpha2).doesNotHaveDuplicates();
    }
}
