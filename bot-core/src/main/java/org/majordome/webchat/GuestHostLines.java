package org.majordome.webchat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.Secret;
import org.majordome.config.TlsMode;
import org.majordome.config.Transport;

/**
 * The guest host's protocol on its stdin and stdout: one command or event a line, its fields separated by tabs.
 * Fields carry anything a visitor or a room may say (newlines, tabs, bidi controls, lone surrogates, megabytes), so
 * a backslash, tab, line feed and carriage return are escaped, and a lone surrogate (which UTF-8 cannot carry) is
 * written {@code \\uXXXX}: every field comes back exactly. Frames already in JSON travel as one field, untouched
 * otherwise, so that the bot does no more than a lookup per frame.
 */
final class GuestHostLines {

    private static final char SEPARATOR = '\t';
    private static final String PASSWORD_ORIGIN = "the web chat account's password, from the bot";

    private GuestHostLines() {
    }

    /** One line (without its line feed) of these fields. */
    static String line(String... fields) {
        int size = fields.length;
        for (String field : fields) {
            size += field.length();
        }
        StringBuilder line = new StringBuilder(size + 8);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            escape(fields[i], line);
        }
        return line.toString();
    }

    /** The fields of a line written by {@link #line}. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(4);
        StringBuilder field = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == SEPARATOR) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\\') {
                field.append(c);
            } else if (i + 1 >= line.length()) {
                throw new IllegalArgumentException("a line ends in an escape");
            } else {
                char next = line.charAt(++i);
                switch (next) {
                    case '\\' -> field.append('\\');
                    case 't' -> field.append('\t');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case 'u' -> {
                        if (i + 4 >= line.length()) {
                            throw new IllegalArgumentException("a short \\u escape");
                        }
                        field.append((char) Integer.parseInt(line, i + 1, i + 5, 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("an unknown escape \\" + next);
                }
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** The first line the host reads: how to reach the server, with the web account and its password. */
    static String settings(ConnectionSettings guest) {
        return line(guest.jid().toString(), guest.password().reveal(), guest.host().orElse(""),
                String.valueOf(guest.port()), guest.tls().name(),
                guest.trustedCertificate().map(Path::toString).orElse(""),
                String.join(",", guest.avoidSaslMechanisms()), guest.resource().toString(), guest.nick().toString(),
                String.valueOf(guest.pingInterval().toMillis()), String.valueOf(guest.replyTimeout().toMillis()),
                guest.transport().name(), guest.boshUrl().map(URI::toString).orElse(""));
    }

    /** The settings of a line written by {@link #settings(ConnectionSettings)}. */
    static ConnectionSettings settings(String line) throws Exception {
        List<String> f = fields(line);
        if (f.size() != 13) {
            throw new IllegalArgumentException("settings have 13 fields, not " + f.size());
        }
        return new ConnectionSettings(JidCreate.entityBareFrom(f.get(0)), new Secret(f.get(1), PASSWORD_ORIGIN),
                present(f.get(2)), Integer.parseInt(f.get(3)), TlsMode.valueOf(f.get(4)), present(f.get(5)).map(Path::of),
                f.get(6).isEmpty() ? java.util.Set.<String>of()
                        : new LinkedHashSet<>(Arrays.asList(f.get(6).split(","))),
                Resourcepart.from(f.get(7)), Resourcepart.from(f.get(8)), Duration.ofMillis(Long.parseLong(f.get(9))),
                Duration.ofMillis(Long.parseLong(f.get(10))), Transport.valueOf(f.get(11)), present(f.get(12)).map(URI::create));
    }

    private static Optional<String> present(String field) {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }
}
