package org.majordome.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.Plugin;
import org.majordome.text.Phrase;

/** Reads the {@code rooms:} list of the file for {@link ConfigLoader}: each room, its plugins and desired settings. */
final class RoomsReader {

    static final Phrase PLUGIN_ID_RULE = Phrase.of("config.expected.plugin-id");

    private RoomsReader() {
    }

    /**
     * @param roomPlugins         receives each plugin id a room lists, with where it is written, for the plugin checks
     * @param roomsWithAllScripts receives each {@code scripts: all}, for the check that there is a scripts directory
     * @param botJid              the bot's own account, which a room may list only among its owners
     * @param webChatRooms        receives each {@code web-chat: true}, for the warning when there is no web chat
     */
    static List<RoomSettings> rooms(ConfigReader top, List<PluginChecks.RoomPluginRef> roomPlugins,
                                    List<ConfigValue> roomsWithAllScripts, Optional<EntityBareJid> botJid) {
        return rooms(top, roomPlugins, roomsWithAllScripts, botJid, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * @param textOverrides receives each text a room replaces, with where it is written, for the text checks
     * @param webChatRooms  receives each room's {@code web-chat: true}, for the warnings about the web chat
     */
    static List<RoomSettings> rooms(ConfigReader top, List<PluginChecks.RoomPluginRef> roomPlugins,
                                    List<ConfigValue> roomsWithAllScripts, Optional<EntityBareJid> botJid,
                                    List<TextChecks.OverrideRef> textOverrides, List<ConfigValue> webChatRooms) {
        Map<EntityBareJid, Integer> firstLines = new HashMap<>();
        return top.list("rooms").stream()
                .map(item -> item.asSection().flatMap(room -> room(room, firstLines, roomPlugins, roomsWithAllScripts,
                        botJid, textOverrides, webChatRooms)))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<RoomSettings> room(ConfigReader room, Map<EntityBareJid, Integer> firstLines,
                                               List<PluginChecks.RoomPluginRef> roomPlugins,
                                               List<ConfigValue> roomsWithAllScripts,
                                               Optional<EntityBareJid> botJid,
                                               List<TextChecks.OverrideRef> textOverrides,
                                               List<ConfigValue> webChatRooms) {
        Optional<EntityBareJid> jid = room.required("jid").flatMap(value -> value.asEntityBareJid().filter(parsed -> {
            int line = value.node().getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
            Integer first = firstLines.putIfAbsent(parsed, line);
            if (first != null) {
                value.reportProblem(Phrase.of("config.problem.room-listed-twice", parsed.toString(), String.valueOf(first)),
                        false);
                return false;
            }
            return true;
        }));
        Optional<Resourcepart> nick = room.value("nick").flatMap(ConfigValue::asNickname);
        Optional<Secret> password = room.optionalSecret("password");
        List<String> plugins = new ArrayList<>();
        for (ConfigValue item : room.list("plugins")) {
            item.as(PLUGIN_ID_RULE, RoomsReader::pluginId).ifPresent(id -> {
                if (plugins.contains(id)) {
                    item.reportProblem(Phrase.of("config.problem.plugin-listed-twice", id), false);
                } else {
                    plugins.add(id);
                    roomPlugins.add(new PluginChecks.RoomPluginRef(item, id));
                }
            });
        }
        Optional<ConfigValue> scripts = room.value("scripts");
        boolean allScripts = scripts.flatMap(value -> value.as(Phrase.of("config.expected.scripts"),
                RoomsReader::scriptsChoice)).orElse(false);
        if (allScripts) {
            roomsWithAllScripts.add(scripts.get());
        }
        Optional<ZoneId> timeZone = room.optional("time-zone", Phrase.of("config.expected.time-zone"), ZoneId::of);
        DesiredRoomConfig desired = room.value("config")
                .flatMap(ConfigValue::asSection)
                .map(RoomsReader::desiredRoomConfig)
                .orElseGet(DesiredRoomConfig::persistentOnly);
        VoiceRequestPolicy voiceRequests = VoiceRequestPolicy.read(room);
        RoomPeople people = RoomPeopleReader.people(room, botJid);
        RoomState state = state(room, jid);
        RoomTexts texts = TextChecks.roomTexts(room, textOverrides);
        Optional<ConfigValue> webChatValue = room.value("web-chat");
        boolean webChat = webChatValue.flatMap(ConfigValue::asBoolean).orElse(false);
        if (webChat) {
            webChatRooms.add(webChatValue.get());
        }
        room.rejectUnknownKeys();
        // Entering a room takes the password the bot itself sets on it, unless told otherwise.
        Optional<Secret> passwordToEnter = password.or(() -> desired.password().filter(p -> !p.reveal().isEmpty()));
        return jid.map(roomJid -> new RoomSettings(roomJid, nick, passwordToEnter, desired, plugins, allScripts,
                timeZone, voiceRequests, people, state, texts, webChat));
    }

    /** {@code state}, with {@code destroy-reason} and {@code alternative-room}, which only a destroyed room takes. */
    private static RoomState state(ConfigReader room, Optional<EntityBareJid> jid) {
        boolean destroyed = room.value("state").flatMap(value -> value.as(Phrase.of("config.expected.room-state"),
                RoomsReader::stateChoice)).orElse(false);
        Optional<String> reason = room.optionalString("destroy-reason");
        Optional<EntityBareJid> alternative = room.value("alternative-room").flatMap(value -> value.asEntityBareJid()
                .filter(other -> {
                    if (jid.filter(other::equals).isPresent()) {
                        value.reportProblem(Phrase.of("config.problem.alternative-is-itself"), true);
                        return false;
                    }
                    return true;
                }));
        if (!destroyed) {
            for (String key : List.of("destroy-reason", "alternative-room")) {
                if (room.has(key)) {
                    room.reportKeyProblem(key, Phrase.of("config.problem.only-destroyed", key));
                }
            }
            return RoomState.KEPT;
        }
        return RoomState.destroyed(reason, alternative);
    }

    private static boolean stateChoice(String text) {
        return switch (text) {
            case "destroyed" -> true;
            case "kept" -> false;
            default -> throw new IllegalArgumentException("not kept or destroyed");
        };
    }

    private static DesiredRoomConfig desiredRoomConfig(ConfigReader config) {
        DesiredRoomConfig desired = new DesiredRoomConfig(
                config.optionalString("title"),
                config.optionalString("description"),
                Optional.of(config.bool("persistent", true)),
                config.optionalBoolean("public"),
                config.optionalSecret("password"),
                config.optionalEnum("whois", WhoCanSeeRealJids.class),
                config.optionalBoolean("members-only"),
                config.optionalBoolean("moderated"),
                config.optionalInt("max-users", 1),
                config.optionalBoolean("occupants-may-change-subject"),
                config.optionalInt("history-length", 0));
        config.rejectUnknownKeys();
        return desired;
    }

    private static boolean scriptsChoice(String text) {
        return switch (text) {
            case "all" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("not all or none");
        };
    }

    static String pluginId(String text) {
        if (!Plugin.isValidId(text)) {
            throw new IllegalArgumentException("not a plugin id");
        }
        return text;
    }
}
