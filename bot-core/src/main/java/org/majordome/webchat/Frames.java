package org.majordome.webchat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The socket protocol's JSON: the visitor's frames read strictly (one flat object of strings, a known type with
 * exactly its fields, no duplicates, nothing after it, bounded in size and depth), the bot's frames written with
 * {@code type} first. Every string from XMPP is data here; the page renders it as text.
 */
final class Frames {

    /** The largest frame a visitor may send; the socket refuses bigger ones before they are parsed. */
    static final int MAX_FRAME_CHARS = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(2)
                    .maxStringLength(MAX_FRAME_CHARS)
                    .maxNumberLength(32)
                    .maxDocumentLength(MAX_FRAME_CHARS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "join", Set.of("type", "room", "nick"),
            "say", Set.of("type", "text"),
            "private", Set.of("type", "to", "text"),
            "leave", Set.of("type"));

    private Frames() {
    }

    /** Reads one frame from the page. */
    static ClientFrame parse(String text) throws ClientFrame.Malformed {
        if (text == null || text.isEmpty() || text.length() > MAX_FRAME_CHARS) {
            throw new ClientFrame.Malformed("empty or too big");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException | RuntimeException e) {
            throw new ClientFrame.Malformed("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ClientFrame.Malformed("not a JSON object");
        }
        Set<String> names = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw new ClientFrame.Malformed("every value must be a string");
            }
            names.add(field.getKey());
        }
        String type = node.path("type").asText("");
        Set<String> expected = FIELDS.get(type);
        if (expected == null) {
            throw new ClientFrame.Malformed("unknown type");
        }
        if (!names.equals(expected)) {
            throw new ClientFrame.Malformed(type + " takes exactly " + expected);
        }
        return switch (type) {
            case "join" -> new ClientFrame.Join(node.get("room").asText(), node.get("nick").asText());
            case "say" -> new ClientFrame.Say(node.get("text").asText());
            case "private" -> new ClientFrame.Private(node.get("to").asText(), node.get("text").asText());
            default -> new ClientFrame.Leave();
        };
    }

    /** A visitor's {@code join} frame, as the page writes it (the gateway asks again for the visitor). */
    static String joinRequest(String room, String nick) {
        return write(frame("join").put("room", room).put("nick", nick));
    }

    static String joined(String room, String nick, String subject, String title) {
        return write(frame("joined").put("room", room).put("nick", nick).put("subject", subject).put("title", title));
    }

    static String presence(String nick, String role, String affiliation, boolean present) {
        return write(frame("presence").put("nick", nick).put("role", role).put("affiliation", affiliation)
                .put("present", present));
    }

    static String message(String from, String text, Instant time, boolean history, boolean isPrivate,
                          boolean self) {
        return write(frame("message").put("from", from).put("text", text).put("time", time.toString())
                .put("history", history).put("private", isPrivate).put("self", self));
    }

    /** The visitor's own private message, as sent: {@code self} and {@code private}, with {@code to} added. */
    static String privateSent(String from, String to, String text, Instant time) {
        return write(frame("message").put("from", from).put("text", text).put("time", time.toString())
                .put("history", false).put("private", true).put("self", true).put("to", to));
    }

    static String subject(String subject, String by) {
        return write(frame("subject").put("subject", subject).put("by", by));
    }

    static String removed(String how, String by, String reason) {
        return write(frame("removed").put("how", how).put("by", by).put("reason", reason));
    }

    static String error(ErrorCode code, String text) {
        return write(frame("error").put("code", code.wire()).put("text", text));
    }

    static String left() {
        return write(frame("left"));
    }

    /** The {@code /chat/rooms} answer. */
    static String rooms(java.util.List<WebRooms.Listed> rooms) {
        ArrayNode array = JSON.createArrayNode();
        for (WebRooms.Listed room : rooms) {
            array.addObject().put("jid", room.jid()).put("title", room.title()).put("description", room.description())
                    .put("subject", room.subject()).put("occupants", room.occupants()).put("language", room.language());
        }
        return write(array);
    }

    private static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** The {@code code} of an {@code error} frame. */
    enum ErrorCode {
        NICK_TAKEN, NICK_REFUSED, BANNED, FULL, RATE, TOO_LONG, NOT_ALLOWED, UNAVAILABLE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
