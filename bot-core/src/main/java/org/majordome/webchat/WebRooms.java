package org.majordome.webchat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.RoomSettings;
import org.majordome.room.RoomKeeper;

/**
 * The rooms the web chat offers: those of the configuration in force marked {@code web-chat: true}, described as
 * the bot sees them now (title, description, subject, how many are present).
 */
final class WebRooms {

    /**
     * One room in the {@code /chat/rooms} list.
     *
     * @param language the language the bot speaks there (a tag, e.g. {@code fr}): the page's, once the room is chosen
     */
    record Listed(String jid, String title, String description, String subject, int occupants, String language) {
    }

    private final Supplier<List<RoomSettings>> configured;
    private final RoomKeeper rooms;

    WebRooms(Supplier<List<RoomSettings>> configured, RoomKeeper rooms) {
        this.configured = configured;
        this.rooms = rooms;
    }

    List<Listed> list() {
        return configured.get().stream().filter(RoomSettings::webChat).map(this::describe).toList();
    }

    /** The title of a room the web chat offers; empty for any other room. */
    Optional<String> title(EntityBareJid jid) {
        return configured.get().stream().filter(RoomSettings::webChat).filter(room -> room.jid().equals(jid))
                .findFirst().map(room -> describe(room).title());
    }

    /** The bot's language ({@code runtime.language}): the room list's, and a visitor's until they choose a room. */
    Locale defaultLanguage() {
        return rooms.language();
    }

    /** The language of a room the web chat offers ({@code rooms[].language}, else the bot's). */
    Locale language(EntityBareJid jid) {
        return configured.get().stream().filter(room -> room.jid().equals(jid)).findFirst()
                .map(this::language).orElseGet(this::defaultLanguage);
    }

    private Locale language(RoomSettings room) {
        return room.texts().language().orElseGet(this::defaultLanguage);
    }

    /** The bot's handle of a kept room. */
    Optional<RoomHandle> handle(String roomJid) {
        return rooms.room(roomJid);
    }

    private Listed describe(RoomSettings room) {
        Optional<RoomHandle> handle = rooms.room(room.jid().toString());
        String title = handle.flatMap(RoomHandle::title).or(() -> room.desired().title())
                .orElse(room.jid().getLocalpart().toString());
        return new Listed(room.jid().toString(), title, room.desired().description().orElse(""),
                rooms.subject(room.jid()).orElse(""), handle.map(h -> h.occupants().size()).orElse(0),
                language(room).toLanguageTag());
    }
}
