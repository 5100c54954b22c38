package org.majordome.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.majordome.api.room.NickCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin's {@link NickCheck}, asked as one: the first refusal wins, in the order the checks were registered.
 * One registry outlives the plugins' generations (a reload stops and starts them); a plugin's checks go when it
 * stops ({@link PluginResources#release}). A check that throws is logged and counts as no objection, so that one
 * plugin's bug never keeps visitors out.
 */
public final class NickChecks implements NickCheck {

    private static final Logger LOG = LoggerFactory.getLogger(NickChecks.class);

    private record Registered(String pluginId, NickCheck check) {
    }

    private final List<Registered> checks = new CopyOnWriteArrayList<>();
    /** Plugins an operator disabled: their checks stay registered but are not asked. */
    private final java.util.Set<String> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Registers {@code check} for {@code pluginId}; closing the answer withdraws it. */
    public NickCheck.Registration register(String pluginId, NickCheck check) {
        Registered registered = new Registered(pluginId, java.util.Objects.requireNonNull(check, "check"));
        checks.add(registered);
        // Removed by identity: a plugin may register the same check twice, and withdraw one.
        return () -> checks.removeIf(each -> each == registered);
    }

    /** Forgets every check of {@code pluginId}. */
    public void release(String pluginId) {
        checks.removeIf(registered -> registered.pluginId().equals(pluginId));
    }

    /** Stops asking (or asks again) the checks of a plugin an operator disabled (or enabled). */
    public void pause(String pluginId, boolean pause) {
        if (pause) {
            paused.add(pluginId);
        } else {
            paused.remove(pluginId);
        }
    }

    @Override
    public Optional<String> refusal(String roomJid, String nick) {
        String room = roomJid.toLowerCase(Locale.ROOT);
        for (Registered registered : checks) {
            if (!paused.isEmpty() && paused.contains(registered.pluginId())) {
                continue;
            }
            try {
                Optional<String> refused = registered.check().refusal(room, nick);
                if (refused != null && refused.isPresent()) {
                    return refused;
                }
            } catch (RuntimeException e) {
                LOG.warn("plugin {}: its nick check failed in room {}; the nick is not refused", registered.pluginId(),
                        room, e);
            }
        }
        return Optional.empty();
    }

    /** The plugins that registered a check, for tests and diagnostics. */
    public Map<String, Long> registeredBy() {
        return checks.stream().collect(java.util.stream.Collectors.groupingBy(Registered::pluginId,
                java.util.stream.Collectors.counting()));
    }
}
