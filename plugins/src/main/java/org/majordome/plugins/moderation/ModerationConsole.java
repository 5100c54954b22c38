package org.majordome.plugins.moderation;

import org.majordome.api.PluginContext;
import org.majordome.api.console.ConsoleSections;

/** Offers the plugin's console sections: its cases and its pending sanctions. */
final class ModerationConsole {

    private ModerationConsole() {
    }

    static void offer(PluginContext<ModerationConfig> context, CaseBook book, ModeratorCommands commands) {
        ConsoleSections sections;
        try {
            sections = context.consoleSections();
        } catch (UnsupportedOperationException noConsole) {
            return; // a context without a console (a test's): the plugin works the same without it
        }
        ConsoleRooms rooms = new ConsoleRooms(context, book);
        CaseSection cases = new CaseSection(rooms, book, new CaseUndo(context, commands), context.texts());
        sections.offer(cases);
        sections.offer(new PendingSection(rooms, book, cases, context.texts()));
    }
}
