package io.bookingservice.migrations.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the top-level scalar members of a JSON object (strings, numbers, booleans; nested
 * values are skipped). Enough for the RDS rotation secret, and it keeps the migrations
 * module free of a JSON library. Errors give a position, never the text around it: the
 * input holds a password.
 */
final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    static Map<String, String> parseObject(String text) {
        FlatJson parser = new FlatJson(text);
        parser.skipWhitespace();
        Map<String, String> result = new LinkedHashMap<>();
        parser.expect('{');
        parser.skipWhitespace();
        if (parser.peek() == '}') {
            parser.pos++;
        } else {
            while (true) {
                parser.skipWhitespace();
                String key = parser.string();
                parser.skipWhitespace();
                parser.expect(':');
                parser.skipWhitespace();
                String value = parser.value();
                if (value != null) {
                    result.put(key, value);
                }
                parser.skipWhitespace();
                char c = parser.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw parser.error("expected ',' or '}'");
                }
            }
        }
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the object");
        }
        return result;
    }

    /** A scalar as text, or {@code null} for JSON null and for nested values. */
    private String value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipNested();
            return null;
        }
        int start = pos;
        while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.equals("null")) {
            return null;
        }
        if (literal.equals("true") || literal.equals("false") || literal.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            return literal;
        }
        throw error("expected a value");
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = peek();
            if (c == '"') {
                string();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("malformed \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape");
            }
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char expected) {
        if (next() != expected) {
            pos--;
            throw error("expected '" + expected + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
