package org.majordome.plugins.moderation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat text encoding of named fields, one {@code name=value} per line, for what the plugin stores: small,
 * readable in a database browser, and needing no JSON library. Backslash, newline and carriage return in
 * values are escaped.
 */
final class Fields {

    private Fields() {
    }

    static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            out.append(name).append('=');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
            out.append('\n');
        });
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            StringBuilder value = new StringBuilder();
            for (int i = equals + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                } else {
                    value.append(c);
                }
            }
            fields.put(line.substring(0, equals), value.toString());
        }
        return fields;
    }
}
