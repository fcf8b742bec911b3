package io.bookingservice.migrations.config;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the top-level scalar members of a JSON object (strings, numbers, booleans, each as its
 * text; {@code null} and nested values are skipped), as the RDS rotation secret needs. The parsing
 * is Jackson's streaming parser (jackson-core only, no data binding), with duplicate members
 * refused: a secret that names its password twice is ambiguous.
 *
 * <p>Errors give a position, never the text around it: the input holds a password, and
 * Jackson's own messages may quote it ({@code Unrecognized token 'hunter2'}), so they are
 * dropped, cause included.
 */
final class FlatJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FlatJson() {
    }

    static Map<String, String> parseObject(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error("expected '{'", parser.currentTokenLocation());
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                            result.put(name, parser.getString());
                    case START_OBJECT, START_ARRAY -> parser.skipChildren();
                    default -> {
                        // null: as if absent
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw error("unexpected text after the object", parser.currentTokenLocation());
            }
        } catch (JacksonException e) {
            throw error("malformed JSON", e.getLocation());
        }
        return result;
    }

    private static IllegalArgumentException error(String what, TokenStreamLocation where) {
        long offset = where == null ? -1 : where.getCharOffset();
        return new IllegalArgumentException(offset < 0 ? what : what + " at character " + offset);
    }
}
