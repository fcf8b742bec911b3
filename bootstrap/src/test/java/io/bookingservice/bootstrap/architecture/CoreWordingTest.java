package io.bookingservice.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The HTTP wire vocabulary stays out of the core: no string literal in {@code domain} or
 * {@code application} main code holds a pydantic error code, a pydantic/FastAPI sentence, a JSON
 * member name or an HTTP header name. The core reports violations as data ({@code Rule}, field,
 * limit); the web adapter words them ({@code ViolationErrors}), the CLI its own way.
 *
 * <p>ArchUnit sees classes, not string constants, so this rule reads the sources. It proves it
 * can fail on planted lines ({@link #theRuleFindsPlantedWireVocabulary}).
 */
class CoreWordingTest {

    /** pydantic's {@code type} codes, as whole literals. */
    private static final Pattern PYDANTIC_CODE = Pattern.compile("\"(missing|string_too_short|string_too_long|"
            + "string_type|greater_than|greater_than_equal|less_than|less_than_equal|value_error|enum|int_parsing|"
            + "int_type|int_from_float|bool_type|datetime_parsing|datetime_type|datetime_from_date_parsing|"
            + "json_invalid|model_type|model_attributes_type)\"");

    /** pydantic's and FastAPI's sentences, JSON member names and header names, inside any literal. */
    private static final Pattern WIRE_WORDS = Pattern.compile("\"[^\"\\n]*(Field required|Input should|String should|"
            + "Value error|value is not a valid email|event_time|duration_minutes|requested_by|new_password|"
            + "current_password|Idempotency-Key)[^\"\\n]*\"");

    private static final List<Path> CORE_SOURCES = List.of(
            Path.of("..", "domain", "src", "main", "java"),
            Path.of("..", "application", "src", "main", "java"));

    @Test
    void domainAndApplicationHoldNoWireVocabulary() {
        List<String> findings = new ArrayList<>();
        int files = 0;
        for (Path root : CORE_SOURCES) {
            assertThat(root).as("core sources (tests run from the bootstrap module)").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    findings.addAll(findings(file.toString(), Files.readString(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("Java files read").isGreaterThan(50);
        assertThat(findings).as("wire vocabulary in the core; word it in the adapter instead").isEmpty();
    }

    @Test
    void theRuleFindsPlantedWireVocabulary() {
        assertThat(findings("Planted.java", "throw ValidationException.of(\"\", \"value_error\", \"x\");")).hasSize(1);
        assertThat(findings("Planted.java", "String m = \"Input should be greater than 0\";")).hasSize(1);
        assertThat(findings("Planted.java", "validation.attempt(\"duration_minutes\", () -> 1);")).hasSize(1);
        assertThat(findings("Planted.java", "super(\"This Idempotency-Key was used\");")).hasSize(1);
        assertThat(findings("Planted.java", "// a comment about event_time and \"missing\" words\n"
                + " * Input should be quoted in javadoc only")).as("comments are not literals").isEmpty();
        assertThat(findings("Clean.java", "Violation.limit(Rule.TOO_LONG, 200); String s = \"eventTime\";")).isEmpty();
    }

    private static List<String> findings(String file, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                continue;
            }
            for (Pattern pattern : List.of(PYDANTIC_CODE, WIRE_WORDS)) {
                Matcher m = pattern.matcher(lines[i]);
                while (m.find()) {
                    found.add(file + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return found;
    }
}
