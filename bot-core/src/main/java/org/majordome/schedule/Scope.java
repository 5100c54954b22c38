package org.majordome.schedule;

import java.util.Optional;

/**
 * A plugin, or a plugin in one room: the Quartz group of its jobs is {@code pluginId} or
 * {@code pluginId/roomJid} (plugin ids and bare JIDs contain no '/').
 */
record Scope(String pluginId, Optional<String> roomJid) {

    /** Quartz's group columns are VARCHAR(200). */
    private static final int MAX_GROUP_LENGTH = 200;

    Scope {
        if (group(pluginId, roomJid).length() > MAX_GROUP_LENGTH) {
            throw new IllegalArgumentException("plugin id and room JID together exceed " + (MAX_GROUP_LENGTH - 1)
                    + " characters: " + pluginId + " " + roomJid.orElse(""));
        }
    }

    /** The scope of a Quartz group: {@code pluginId} or {@code pluginId/roomJid}. */
    static Scope ofGroup(String group) {
        int slash = group.indexOf('/');
        return slash < 0 ? new Scope(group, Optional.empty())
                : new Scope(group.substring(0, slash), Optional.of(group.substring(slash + 1)));
    }

    String group() {
        return group(pluginId, roomJid);
    }

    static boolean belongsToPlugin(String group, String pluginId) {
        return group.equals(pluginId) || group.startsWith(pluginId + "/");
    }

    private static String group(String pluginId, Optional<String> roomJid) {
        return roomJid.map(room -> pluginId + "/" + room).orElse(pluginId);
    }

    @Override
    public String toString() {
        return roomJid.map(room -> "plugin " + pluginId + " in room " + room).orElse("plugin " + pluginId);
    }
}
