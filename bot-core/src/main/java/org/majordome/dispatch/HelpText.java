package org.majordome.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.majordome.api.command.CommandSpec;
import org.majordome.api.command.Permission;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;

/**
 * What {@code !help} says, in the asker's language: the runtime's words around each command's synopsis and
 * help, which come from the plugin's bundle ({@code command.<name>.help}, {@code command.<name>.usage}) when it
 * has them, else from the command's declaration (English).
 */
final class HelpText {

    private final String prefix;
    private final Function<String, Texts> pluginTexts;

    /** @param pluginTexts the texts of a plugin, by id */
    HelpText(String prefix, Function<String, Texts> pluginTexts) {
        this.prefix = prefix;
        this.pluginTexts = pluginTexts;
    }

    /** The list of runnable commands, or the description of the one asked about. */
    String help(Wording runtime, Function<Texts, Wording> audience, List<CommandTable.Entry> runnable,
                List<String> arguments) {
        if (arguments.isEmpty()) {
            String lines = runnable.stream().map(entry -> line(entry, audience))
                    .collect(Collectors.joining("\n"));
            return runtime.format("help.list", prefix) + (lines.isEmpty() ? "" : "\n" + lines);
        }
        String asked = arguments.getFirst().toLowerCase(Locale.ROOT);
        String name = asked.startsWith(prefix) ? asked.substring(prefix.length()) : asked;
        if (CommandTable.HELP.equals(name)) {
            return runtime.format("help.help", prefix);
        }
        return runnable.stream().filter(entry -> entry.spec().names().contains(name)).findFirst()
                .map(entry -> {
                    CommandSpec spec = entry.spec();
                    String text = line(entry, audience);
                    if (!spec.aliases().isEmpty()) {
                        text += " " + runtime.format("help.aliases", spec.aliases().stream()
                                .map(alias -> prefix + alias).collect(Collectors.joining(", ")));
                    }
                    if (spec.permission() != Permission.ANYONE) {
                        text += " " + runtime.format("help.needs", permission(runtime, spec.permission()));
                    }
                    return text;
                })
                .orElse(runtime.format("command.unknown", prefix + name, prefix));
    }

    private String line(CommandTable.Entry entry, Function<Texts, Wording> audience) {
        Wording plugin = audience.apply(pluginTexts.apply(entry.pluginId()));
        return synopsis(plugin, entry.spec()) + " — " + helpOf(plugin, entry.spec());
    }

    /** {@code !name usage}, the usage in the asker's language when the plugin's bundle has it. */
    String synopsis(Wording plugin, CommandSpec spec) {
        String usageKey = "command." + spec.name() + ".usage";
        String usage = plugin.has(usageKey) ? plugin.format(usageKey) : spec.usage();
        return prefix + spec.name() + (usage.isEmpty() ? "" : " " + usage);
    }

    private static String helpOf(Wording plugin, CommandSpec spec) {
        String key = "command." + spec.name() + ".help";
        return plugin.has(key) ? plugin.format(key) : spec.help();
    }

    /** What a permission level is called, for "needs ...". */
    static String permission(Wording runtime, Permission permission) {
        return runtime.format("permission." + permission.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
