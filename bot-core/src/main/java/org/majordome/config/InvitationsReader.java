package org.majordome.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.text.Phrase;

/** Reads the {@code invitations:} section of the file for {@link ConfigLoader}. */
final class InvitationsReader {

    private InvitationsReader() {
    }

    /** @param pluginRefs receives each plugin id the section lists, with where it is written, for the plugin checks */
    static InvitationSettings invitations(ConfigReader section, List<PluginChecks.RoomPluginRef> pluginRefs) {
        Set<EntityBareJid> alsoFrom = new LinkedHashSet<>(section.list("accept-from", ConfigValue::asEntityBareJid));
        List<String> plugins = new ArrayList<>();
        for (ConfigValue item : section.list("plugins")) {
            item.as(RoomsReader.PLUGIN_ID_RULE, RoomsReader::pluginId).ifPresent(id -> {
                if (plugins.contains(id)) {
                    item.reportProblem(Phrase.of("config.problem.plugin-listed-twice", id), false);
                } else {
                    plugins.add(id);
                    pluginRefs.add(new PluginChecks.RoomPluginRef(item, id));
                }
            });
        }
        boolean keep = section.value("keep").flatMap(value -> value.as(Phrase.of("config.expected.keep"),
                InvitationsReader::keepChoice)).orElse(false);
        section.rejectUnknownKeys();
        return new InvitationSettings(alsoFrom, plugins, keep);
    }

    private static boolean keepChoice(String text) {
        return switch (text) {
            case "across-restarts" -> true;
            case "until-stop" -> false;
            default -> throw new IllegalArgumentException("not until-stop or across-restarts");
        };
    }
}
