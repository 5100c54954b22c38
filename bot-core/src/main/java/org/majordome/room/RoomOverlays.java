package org.majordome.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.room.ConfigOverlay;
import org.majordome.config.DesiredRoomConfig;

/**
 * The configuration overlays a room has now (a lockdown...), oldest first, and how they merge with the
 * declared configuration: a setting an overlay sets replaces the declared one, a later overlay wins over an
 * earlier one; when one is lifted, each of its settings goes back to the declared value, to what a remaining
 * overlay sets, or (when neither says anything) to the value the room had before it.
 */
final class RoomOverlays {

    static final String MODERATED = "moderated";
    static final String MEMBERS_ONLY = "members-only";
    /** Stored with the previous values only: see {@link Active#previousMembersByDefault}. */
    static final String MEMBERS_BY_DEFAULT = "members-by-default";

    /**
     * One overlay in force.
     *
     * @param previous                 the room's values, when the overlay was first applied, of the settings it sets
     * @param previousMembersByDefault ejabberd's {@code members_by_default} before a moderated overlay turned it off
     *                                 (empty on servers without it): with it on, newcomers to a moderated room get
     *                                 voice, which would make a moderated lockdown silence nobody
     */
    record Active(String name, ConfigOverlay settings, ConfigOverlay previous,
                  Optional<Boolean> previousMembersByDefault) {

        Active(String name, ConfigOverlay settings, ConfigOverlay previous) {
            this(name, settings, previous, Optional.empty());
        }
    }

    private final Map<String, Active> active = new LinkedHashMap<>();

    synchronized Optional<Active> get(String name) {
        return Optional.ofNullable(active.get(name));
    }

    /** Puts an overlay in force, as the newest (replacing one of the same name). */
    synchronized void put(Active overlay) {
        active.remove(overlay.name());
        active.put(overlay.name(), overlay);
    }

    synchronized Optional<Active> remove(String name) {
        return Optional.ofNullable(active.remove(name));
    }

    /** Whether an overlay in force other than {@code name} makes the room moderated. */
    synchronized boolean othersModerate(String name) {
        return active.values().stream().anyMatch(overlay -> !overlay.name().equals(name)
                && overlay.settings().moderated().orElse(false));
    }

    synchronized List<Active> all() {
        return List.copyOf(active.values());
    }

    /** What the room must look like now: the declared configuration under every overlay in force. */
    synchronized DesiredRoomConfig effective(DesiredRoomConfig declared) {
        return over(declared, active.values().stream().map(Active::settings).toList());
    }

    /**
     * What the room must look like once {@code name} is lifted: the declared configuration under the
     * remaining overlays, and, for a setting of the lifted one that neither says anything about, the value
     * the room had before it.
     */
    synchronized DesiredRoomConfig afterLifting(DesiredRoomConfig declared, String name) {
        List<ConfigOverlay> remaining = new ArrayList<>();
        active.values().stream().filter(overlay -> !overlay.name().equals(name))
                .forEach(overlay -> remaining.add(overlay.settings()));
        DesiredRoomConfig after = over(declared, remaining);
        Active lifted = active.get(name);
        if (lifted == null) {
            return after;
        }
        ConfigOverlay previous = lifted.previous();
        return withFlags(after,
                after.membersOnly().isPresent() ? after.membersOnly() : previous.membersOnly(),
                after.moderated().isPresent() ? after.moderated() : previous.moderated());
    }

    /** The declared configuration under overlays, applied oldest first. */
    static DesiredRoomConfig over(DesiredRoomConfig declared, List<ConfigOverlay> overlays) {
        DesiredRoomConfig result = declared;
        for (ConfigOverlay overlay : overlays) {
            result = withFlags(result,
                    overlay.membersOnly().isPresent() ? overlay.membersOnly() : result.membersOnly(),
                    overlay.moderated().isPresent() ? overlay.moderated() : result.moderated());
        }
        return result;
    }

    /** The values that {@code previous} does not have yet are taken from {@code current}. */
    static ConfigOverlay keepFirst(ConfigOverlay previous, ConfigOverlay current) {
        return new ConfigOverlay(previous.moderated().or(current::moderated),
                previous.membersOnly().or(current::membersOnly));
    }

    // ---------------------------------------------------------------- stored form: "moderated=true,members-only=false"

    static String encode(ConfigOverlay overlay) {
        List<String> parts = new ArrayList<>();
        overlay.moderated().ifPresent(value -> parts.add(MODERATED + "=" + value));
        overlay.membersOnly().ifPresent(value -> parts.add(MEMBERS_ONLY + "=" + value));
        return String.join(",", parts);
    }

    /** The stored previous values: {@link #encode} and, when known, ejabberd's {@code members_by_default}. */
    static String encodePrevious(ConfigOverlay previous, Optional<Boolean> membersByDefault) {
        String encoded = encode(previous);
        return membersByDefault.map(value -> (encoded.isEmpty() ? "" : encoded + ",") + MEMBERS_BY_DEFAULT + "="
                + value).orElse(encoded);
    }

    /** The {@code members_by_default} value stored by {@link #encodePrevious}, if any. */
    static Optional<Boolean> previousMembersByDefault(String text) {
        for (String part : text.split(",")) {
            String[] keyValue = part.split("=", 2);
            if (keyValue.length == 2 && keyValue[0].strip().equals(MEMBERS_BY_DEFAULT)) {
                return Optional.of(Boolean.parseBoolean(keyValue[1].strip()));
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException on a setting this version does not know */
    static ConfigOverlay decode(String text) {
        Optional<Boolean> moderated = Optional.empty();
        Optional<Boolean> membersOnly = Optional.empty();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] keyValue = part.split("=", 2);
            boolean value = keyValue.length == 2 && Boolean.parseBoolean(keyValue[1].strip());
            switch (keyValue[0].strip()) {
                case MODERATED -> moderated = Optional.of(value);
                case MEMBERS_ONLY -> membersOnly = Optional.of(value);
                case MEMBERS_BY_DEFAULT -> {
                    // a previous value only, read by previousMembersByDefault
                }
                default -> throw new IllegalArgumentException("unknown overlay setting '" + part + "'");
            }
        }
        return new ConfigOverlay(moderated, membersOnly);
    }

    private static DesiredRoomConfig withFlags(DesiredRoomConfig config, Optional<Boolean> membersOnly,
                                               Optional<Boolean> moderated) {
        return new DesiredRoomConfig(config.title(), config.description(), config.persistent(), config.publicRoom(),
                config.password(), config.whoCanSeeRealJids(), membersOnly, moderated, config.maxUsers(),
                config.occupantsMayChangeSubject(), config.historyLength());
    }
}
