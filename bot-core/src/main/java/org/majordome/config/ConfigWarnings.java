package org.majordome.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.majordome.text.Phrase;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds plugin configuration that is valid but can never apply, for {@link ConfigLoader} to report as warnings
 * (with file, line and key, like problems; they do not make the file invalid):
 * <ul>
 *   <li>a {@code plugins.<id>} section of a plugin that no room enables;</li>
 *   <li>a room named in a plugin's section where that plugin is not enabled, or that the file does not keep.
 *       Plugins name rooms under a key {@code rooms}, at any depth of their section: a mapping by room JID
 *       (per-room overrides: {@code plugins.welcome.rooms."help@conference.example.org"}) or a list of room JIDs
 *       ({@code plugins.notices.notices[0].rooms}). Values without an {@code @} are not rooms and are left alone.</li>
 * </ul>
 */
final class ConfigWarnings {

    private static final String ROOMS = "rooms";

    private final Map<String, RoomSettings> keptRooms = new LinkedHashMap<>();
    private final Map<String, Integer> roomIndex = new LinkedHashMap<>();
    private final Set<String> scriptIds;
    private final ConfigProblems problems;

    private ConfigWarnings(List<RoomSettings> rooms, Set<String> scriptIds, ConfigProblems problems) {
        for (int i = 0; i < rooms.size(); i++) {
            keptRooms.put(lower(rooms.get(i).jid().toString()), rooms.get(i));
            roomIndex.put(lower(rooms.get(i).jid().toString()), i);
        }
        this.scriptIds = scriptIds;
        this.problems = problems;
    }

    /**
     * @param rooms          the file's rooms
     * @param scriptIds      the JavaScript plugins, which {@code scripts: all} enables
     * @param knownIds       the ids of the plugins the runtime found (sections of others are problems already)
     * @param pluginsSection the {@code plugins:} section
     * @param sections       its sections, by plugin id
     */
    static void check(List<RoomSettings> rooms, Set<String> scriptIds, Set<String> knownIds,
                      ConfigReader pluginsSection, Map<String, PluginSection> sections) {
        ConfigWarnings warnings = new ConfigWarnings(rooms, scriptIds, pluginsSection.problems());
        sections.forEach((id, section) -> {
            if (!knownIds.contains(id)) {
                return;
            }
            if (warnings.keptRooms.values().stream().noneMatch(room -> warnings.enables(room, id))) {
                pluginsSection.warnAtKey(id, Phrase.of("config.warning.plugin-in-no-room", id));
            } else {
                warnings.walk(id, section.node(), "plugins." + id);
            }
        });
    }

    private boolean enables(RoomSettings room, String pluginId) {
        return room.enabledPlugins(new ArrayList<>(scriptIds)).contains(pluginId);
    }

    private void walk(String pluginId, Node node, String path) {
        switch (node) {
            case MappingNode mapping -> {
                for (NodeTuple entry : mapping.getValue()) {
                    if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                        continue;
                    }
                    String childPath = path + "." + key.getValue();
                    if (key.getValue().equals(ROOMS)) {
                        rooms(pluginId, entry.getValueNode(), childPath);
                    } else {
                        walk(pluginId, entry.getValueNode(), childPath);
                    }
                }
            }
            case SequenceNode sequence -> {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    walk(pluginId, items.get(i), path + "[" + i + "]");
                }
            }
            default -> { }
        }
    }

    /** A plugin's {@code rooms}: a mapping by room JID, or a list of room JIDs. */
    private void rooms(String pluginId, Node node, String path) {
        switch (node) {
            case MappingNode mapping -> mapping.getValue().forEach(entry -> {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    room(pluginId, key, path + "." + key.getValue());
                }
            });
            case SequenceNode sequence -> {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof ScalarNode item) {
                        room(pluginId, item, path + "[" + i + "]");
                    }
                }
            }
            default -> { }
        }
    }

    private void room(String pluginId, ScalarNode named, String path) {
        String jid = lower(named.getValue().strip());
        if (!jid.contains("@")) {
            return;
        }
        RoomSettings room = keptRooms.get(jid);
        if (room == null) {
            problems.warn(named, path, Phrase.of("config.warning.no-such-room", named.getValue().strip()));
        } else if (!enables(room, pluginId)) {
            problems.warn(named, path, Phrase.of("config.warning.plugin-not-in-room", pluginId, room.jid().toString(),
                    String.valueOf(roomIndex.get(jid)), room.plugins().toString()));
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
