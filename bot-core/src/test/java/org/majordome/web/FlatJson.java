package org.majordome.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the fake chat of the page tests: writes objects of strings, numbers, booleans and lists
 * of objects; reads the flat objects the page sends (string and boolean values). Not a general parser.
 */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String text -> quote(text, out);
            case Number number -> out.append(number);
            case Boolean bool -> out.append(bool);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not JSON: " + value.getClass());
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A flat object: each value a string, {@code true}, {@code false} or {@code null}. */
    static Map<String, String> read(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        int[] at = {skip(json, 0)};
        expect(json, at, '{');
        while (true) {
            at[0] = skip(json, at[0]);
            if (json.charAt(at[0]) == '}') {
                return values;
            }
            String key = string(json, at);
            at[0] = skip(json, at[0]);
            expect(json, at, ':');
            at[0] = skip(json, at[0]);
            String value;
            if (json.charAt(at[0]) == '"') {
                value = string(json, at);
            } else {
                int end = at[0];
                while (end < json.length() && Character.isLetterOrDigit(json.charAt(end))) {
                    end++;
                }
                value = json.substring(at[0], end);
                at[0] = end;
            }
            values.put(key, value);
            at[0] = skip(json, at[0]);
            if (json.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
    }

    private static String string(String json, int[] at) {
        expect(json, at, '"');
        StringBuilder text = new StringBuilder();
        while (true) {
            char c = json.charAt(at[0]++);
            if (c == '"') {
                return text.toString();
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = json.charAt(at[0]++);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    text.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> text.append(escaped);
            }
        }
    }

    private static void expect(String json, int[] at, char wanted) {
        if (json.charAt(at[0]) != wanted) {
            throw new IllegalArgumentException("expected '" + wanted + "' at " + at[0] + " of " + json);
        }
        at[0]++;
    }

    private static int skip(String json, int at) {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
        return at;
    }
}
