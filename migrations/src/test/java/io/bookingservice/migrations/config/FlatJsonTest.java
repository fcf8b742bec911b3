package io.bookingservice.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The RDS rotation secret's reader: top-level scalars as text, and refusals that never quote the secret. */
class FlatJsonTest {

    @Test
    void topLevelScalarsAreReadAsTheirTextNullAndNestedValuesAreSkipped() {
        Map<String, String> fields = FlatJson.parseObject("""
                 {"host":"db\\u002einternal","port":5432,"ratio":1.50,"ssl":true,"password":"p\\"w{}[]@:/",
                  "dbname":null,"tags":{"a":["}",{"b":"]"}]},"list":[1,[2,{}]],"username":"app"}
                """);

        assertThat(fields).containsExactly(Map.entry("host", "db.internal"), Map.entry("port", "5432"),
                Map.entry("ratio", "1.50"), Map.entry("ssl", "true"), Map.entry("password", "p\"w{}[]@:/"),
                Map.entry("username", "app"));
        assertThat(FlatJson.parseObject(" { } ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"host\":\"h\",\"password\":\"hunter2\" \"username\":1}",
        "{\"host\":\"h\",\"password\":hunter2}",
        "{\"host\":\"h\",\"password\":\"hunter2",
        "{\"host\":\"h\",\"password\":\"hunter2\\q\"}",
        "{\"host\":\"h\",\"password\":\"hunter2\"} hunter2",
        "{\"host\":\"h\",\"password\":\"hunter2\",\"password\":\"hunter2\"}",
        "[\"hunter2\"]",
        "\"hunter2\"",
        "",
    })
    void malformedSecretsAreRefusedWithAPositionAndNoneOfTheirText(String secret) {
        assertThatThrownBy(() -> FlatJson.parseObject(secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).matches(
                        "(malformed JSON|expected '\\{'|unexpected text after the object)( at character \\d+)?"));
    }

    @Test
    void theSameMemberTwiceIsRefused() {
        assertThatThrownBy(() -> FlatJson.parseObject("{\"password\":\"a\",\"password\":\"b\"}"))
                .hasMessageMatching("malformed JSON at character \\d+");
    }
}
