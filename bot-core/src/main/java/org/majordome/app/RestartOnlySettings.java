package org.majordome.app;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.majordome.config.BotConfig;

/**
 * The settings a running bot cannot change (the connection, the runtime's intervals and database, the
 * monitoring endpoint, the cluster, the web server and its chat): a reload names each one that changed, by its key, so that the operator knows the file
 * was read and what waits for a restart.
 */
final class RestartOnlySettings {

    private RestartOnlySettings() {
    }

    /** The keys of restart-only settings that differ, e.g. {@code monitoring.http-port}, in file order. */
    static List<String> changed(BotConfig before, BotConfig after) {
        List<String> keys = new ArrayList<>();
        compare("connection", before.connection(), after.connection(), keys);
        compare("runtime", before.runtime(), after.runtime(), keys);
        compare("monitoring", before.monitoring(), after.monitoring(), keys);
        if (!before.cluster().equals(after.cluster())) {
            keys.add("cluster"); // an instance joins or leaves a cluster, or changes its name, only by a restart
        }
        if (before.web().isPresent() && after.web().isPresent()) {
            compare("web", before.web().get(), after.web().get(), keys);
        } else if (!before.web().equals(after.web())) {
            keys.add("web");
        }
        return keys;
    }

    private static void compare(String section, Record before, Record after, List<String> keys) {
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                keys.add(section + "." + kebab(component.getName()));
            }
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
