package org.majordome.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One room the bot keeps.
 *
 * @param jid           the room's bare JID
 * @param nick          the bot's nick there, when not the connection's default
 * @param password      the password to enter with; when not set, the loader uses the desired (non-empty) one
 * @param desired       the configuration the bot enforces
 * @param plugins       the plugins enabled in this room, by id
 * @param allScripts    whether every JavaScript plugin of the scripts directory is enabled here too
 *                      ({@code scripts: all}), those whose file appears while the bot runs included
 * @param timeZone      the zone of times shown in this room ({@code rooms[].time-zone}); empty: the
 *                      configuration's {@code runtime.time-zone}
 * @param voiceRequests what the bot does with voice requests there ({@code rooms[].voice-requests})
 * @param people        the room's declared affiliations and moderators ({@link RoomPeople#NONE}: none)
 * @param state         kept (the default) or destroyed and kept so ({@code rooms[].state})
 * @param texts         the room's language and the keepers' texts ({@code rooms[].language}, {@code rooms[].texts})
 * @param webChat       whether the web chat's page lists the room, for visitors to enter ({@code rooms[].web-chat})
 */
public record RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                           DesiredRoomConfig desired, List<String> plugins, boolean allScripts,
                           Optional<ZoneId> timeZone, VoiceRequestPolicy voiceRequests, RoomPeople people,
                           RoomState state, RoomTexts texts, boolean webChat) {
    public RoomSettings {
        Objects.requireNonNull(texts, "texts");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(voiceRequests, "voiceRequests");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(state, "state");
    }

    /** A room the web chat does not list. */
    public RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                        DesiredRoomConfig desired, List<String> plugins, boolean allScripts,
                        Optional<ZoneId> timeZone, VoiceRequestPolicy voiceRequests, RoomPeople people,
                        RoomState state, RoomTexts texts) {
        this(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, people, state, texts, false);
    }

    /** A room in the bot's language, with the shipped texts. */
    public RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                        DesiredRoomConfig desired, List<String> plugins, boolean allScripts,
                        Optional<ZoneId> timeZone, VoiceRequestPolicy voiceRequests, RoomPeople people,
                        RoomState state, boolean webChat) {
        this(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, people, state, RoomTexts.NONE,
                webChat);
    }

    /** A room in the bot's language, with the shipped texts, that the web chat does not list. */
    public RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                        DesiredRoomConfig desired, List<String> plugins, boolean allScripts,
                        Optional<ZoneId> timeZone, VoiceRequestPolicy voiceRequests, RoomPeople people,
                        RoomState state) {
        this(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, people, state, RoomTexts.NONE);
    }

    /** The same room with another language or other texts. */
    public RoomSettings withTexts(RoomTexts newTexts) {
        return new RoomSettings(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, people,
                state, newTexts, webChat);
    }

    /** The same room, listed on the web chat's page or not. */
    public RoomSettings withWebChat(boolean listed) {
        return new RoomSettings(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, people,
                state, texts, listed);
    }

    /** A kept room whose voice requests are left to its moderators and that declares no affiliations. */
    public RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                        DesiredRoomConfig desired, List<String> plugins, boolean allScripts,
                        Optional<ZoneId> timeZone) {
        this(jid, nick, password, desired, plugins, allScripts, timeZone, VoiceRequestPolicy.FORWARD, RoomPeople.NONE,
                RoomState.KEPT);
    }

    /** The same room with another voice request policy. */
    public RoomSettings withVoiceRequests(VoiceRequestPolicy policy) {
        return new RoomSettings(jid, nick, password, desired, plugins, allScripts, timeZone, policy, people, state,
                texts, webChat);
    }

    /** The same room with other declared people. */
    public RoomSettings withPeople(RoomPeople declared) {
        return new RoomSettings(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, declared,
                state, texts, webChat);
    }

    /** The same room, kept or destroyed. */
    public RoomSettings withState(RoomState newState) {
        return new RoomSettings(jid, nick, password, desired, plugins, allScripts, timeZone, voiceRequests, people,
                newState, texts, webChat);
    }

    /** A room in the bot's own time zone. */
    public RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                        DesiredRoomConfig desired, List<String> plugins, boolean allScripts) {
        this(jid, nick, password, desired, plugins, allScripts, Optional.empty());
    }

    /** A room that enables only the plugins it lists. */
    public RoomSettings(EntityBareJid jid, Optional<Resourcepart> nick, Optional<Secret> password,
                        DesiredRoomConfig desired, List<String> plugins) {
        this(jid, nick, password, desired, plugins, false);
    }

    /**
     * The plugins enabled here: those listed, then, when {@link #allScripts}, the other scripts.
     *
     * @param scriptIds the ids of the scripts the bot runs
     */
    public List<String> enabledPlugins(List<String> scriptIds) {
        if (!allScripts) {
            return plugins;
        }
        List<String> enabled = new java.util.ArrayList<>(plugins);
        scriptIds.stream().filter(id -> !plugins.contains(id)).forEach(enabled::add);
        return List.copyOf(enabled);
    }
}
