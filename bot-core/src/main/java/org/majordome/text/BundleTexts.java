package org.majordome.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.command.CommandInvocation;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;

/** One plugin's {@link Texts}: chooses the language, zone and replacements for each audience. */
final class BundleTexts implements Texts {

    private final String pluginId;
    private final Bundle own;
    private final Bundle shared;
    private final TextSettings settings;
    private final SenderLanguages senders;

    BundleTexts(String pluginId, Bundle own, Bundle shared, TextSettings settings, SenderLanguages senders) {
        this.pluginId = pluginId;
        this.own = own;
        this.shared = shared;
        this.settings = settings;
        this.senders = senders;
    }

    @Override
    public Wording in(RoomHandle room) {
        return wording(room.language(), room, true);
    }

    @Override
    public Wording replyTo(CommandInvocation invocation) {
        return switch (invocation.scope()) {
            case ROOM -> invocation.room().map(this::in).orElseGet(this::byDefault);
            case PRIVATE, DIRECT -> privatelyTo(invocation);
        };
    }

    @Override
    public Wording privatelyTo(CommandInvocation invocation) {
        Optional<RoomHandle> room = invocation.room();
        if (room.isPresent()) {
            return privatelyTo(room.get(), invocation.sender().displayName());
        }
        return invocation.sender().fullJid().or(() -> invocation.sender().bareJid()).map(this::toUser)
                .orElseGet(this::byDefault);
    }

    @Override
    public Wording privatelyTo(RoomHandle room, String nick) {
        Optional<Locale> declared = senders.of(room.roomJid() + "/" + nick);
        return wording(declared.orElse(room.language()), room, sameLanguage(declared.orElse(room.language()),
                room.language()));
    }

    @Override
    public Wording toUser(String jid) {
        return new BundleWording(declared(jid).orElse(settings.language()), settings.timeZone(), Map.of(), own, shared,
                pluginId);
    }

    @Override
    public Wording toUser(String jid, RoomHandle about) {
        // Their one-to-one messages, else what they declared as an occupant of that room, else the room's language.
        String bare = jid.contains("/") ? jid.substring(0, jid.indexOf('/')) : jid;
        Locale language = declared(jid).or(() -> about.occupants().stream()
                        .filter(occupant -> occupant.realJid().map(bare::equalsIgnoreCase).orElse(false))
                        .map(occupant -> senders.of(about.roomJid() + "/" + occupant.nick()))
                        .flatMap(Optional::stream).findFirst())
                .orElse(about.language());
        return wording(language, about, sameLanguage(language, about.language()));
    }

    /** What the user's messages declared, from that client or (for a bare JID) any of theirs. */
    private Optional<Locale> declared(String jid) {
        int slash = jid.indexOf('/');
        return senders.of(jid).or(() -> slash > 0 ? senders.of(jid.substring(0, slash)) : Optional.empty());
    }

    @Override
    public Wording inLanguage(Locale language) {
        return new BundleWording(language, settings.timeZone(), Map.of(), own, shared, pluginId);
    }

    @Override
    public Wording byDefault() {
        return new BundleWording(settings.language(), settings.timeZone(), Map.of(), own, shared, pluginId);
    }

    /** The keepers' texts are written in the room's language: they apply when the bot speaks it. */
    private Wording wording(Locale language, RoomHandle room, boolean roomLanguage) {
        Map<String, String> overrides = roomLanguage ? settings.overrides(room.roomJid(), pluginId) : Map.of();
        return new BundleWording(language, room.timeZone(), overrides, own, shared, pluginId);
    }

    private static boolean sameLanguage(Locale a, Locale b) {
        return a.getLanguage().equals(b.getLanguage());
    }
}
