package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.majordome.webchat.Frames.ErrorCode;

/** The socket protocol's JSON: what a page may send is read strictly; hostile frames are refused, never thrown. */
class FramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json, Class<?> ignored) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    @Test
    void readsEveryKindOfFrameThePageSends() throws Exception {
        assertThat(Frames.parse("{\"type\":\"join\",\"room\":\"lobby@conference.example.org\",\"nick\":\"Ann\"}"))
                .isEqualTo(new ClientFrame.Join("lobby@conference.example.org", "Ann"));
        assertThat(Frames.parse("{\"type\":\"say\",\"text\":\"hello <b>all</b>\"}"))
                .isEqualTo(new ClientFrame.Say("hello <b>all</b>"));
        assertThat(Frames.parse("{\"type\":\"private\",\"to\":\"Bob\",\"text\":\"psst\"}"))
                .isEqualTo(new ClientFrame.Private("Bob", "psst"));
        assertThat(Frames.parse("{\"type\":\"leave\"}")).isEqualTo(new ClientFrame.Leave());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "null", "[]", "\"join\"", "42", "{", "{\"type\":\"say\"", "{\"type\":\"say\",\"text\":\"a\"}}",
        "{\"type\":\"say\",\"text\":\"a\"} {\"type\":\"leave\"}",
        "{\"type\":\"dance\"}", "{\"type\":\"say\"}", "{\"type\":\"say\",\"text\":5}",
        "{\"type\":\"say\",\"text\":{\"nested\":\"x\"}}", "{\"type\":\"say\",\"text\":[\"x\"]}",
        "{\"type\":\"say\",\"text\":null}", "{\"type\":\"say\",\"text\":\"a\",\"extra\":\"b\"}",
        "{\"type\":\"say\",\"text\":\"a\",\"text\":\"b\"}", "{\"type\":\"leave\",\"type\":\"leave\"}",
        "{'type':'leave'}", "{\"type\":\"leave\",}", "\uFEFF{\"type\":\"leave\"", "{\"type\":\"join\",\"room\":\"r\"}"
    })
    void hostileOrMalformedFramesAreRefused(String frame) {
        assertThatThrownBy(() -> Frames.parse(frame)).isInstanceOf(ClientFrame.Malformed.class);
    }

    @Test
    void deeplyNestedAndHugeFramesAreRefusedBeforeTheyCostMuch() {
        String deep = "{\"type\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThatThrownBy(() -> Frames.parse(deep)).isInstanceOf(ClientFrame.Malformed.class);
        String huge = "{\"type\":\"say\",\"text\":\"" + "x".repeat(Frames.MAX_FRAME_CHARS) + "\"}";
        assertThatThrownBy(() -> Frames.parse(huge)).isInstanceOf(ClientFrame.Malformed.class);
        assertThatThrownBy(() -> Frames.parse(null)).isInstanceOf(ClientFrame.Malformed.class);
    }

    @Test
    void framesToThePageStartWithTheirTypeAndCarryHostileTextAsData() throws Exception {
        String hostile = "</script><img src=x onerror=alert(1)>\u202Eevil\u0000\"";
        String frame = Frames.message(hostile, hostile, Instant.parse("2026-01-02T03:04:05Z"), true, false, false);
        assertThat(frame).startsWith("{\"type\":\"message\"");
        Map<String, Object> read = read(frame, Map.class);
        assertThat(read).containsEntry("from", hostile).containsEntry("text", hostile)
                .containsEntry("time", "2026-01-02T03:04:05Z").containsEntry("history", true)
                .containsEntry("private", false).containsEntry("self", false);
        assertThat(read(Frames.error(ErrorCode.NICK_TAKEN, "taken"), Map.class))
                .containsEntry("type", "error").containsEntry("code", "nick-taken");
        assertThat(read(Frames.removed("kicked", "mod", "spam"), Map.class))
                .containsEntry("how", "kicked").containsEntry("by", "mod").containsEntry("reason", "spam");
        assertThat(read(Frames.presence("Ann", "participant", "none", false), Map.class))
                .containsEntry("present", false).containsEntry("role", "participant");
        assertThat(read(Frames.joined("r@c", "Ann", "s", "t"), Map.class)).containsOnlyKeys(
                "type", "room", "nick", "subject", "title");
    }

    @Test
    void everyErrorCodeIsOneTheContractNames() {
        assertThat(java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::wire)).containsExactly(
                "nick-taken", "nick-refused", "banned", "full", "rate", "too-long", "not-allowed", "unavailable");
    }
}
