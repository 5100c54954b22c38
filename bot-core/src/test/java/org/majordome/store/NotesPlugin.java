package org.majordome.store;

import java.util.Map;

import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.storage.KeyValueStore;

/**
 * Takes notes in its room's storage: {@code !note <text>} answers {@code stored <n>: <text>} only after the
 * transaction committed, so every acknowledgement a user saw names a write the bot promised to keep;
 * {@code !notes} answers how many notes there are. Used by {@link StorageCrashIT}, in and out of process.
 */
public final class NotesPlugin implements Plugin<NoConfig> {

    public static final String ID = "notes";
    static final String NOTE_KEY = "note:";

    private volatile PluginContext<NoConfig> context;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public void start(PluginContext<NoConfig> context) {
        this.context = context;
    }

    @Command(name = "note", usage = "<text>", help = "Keeps a note.", minArgs = 1)
    public void note(CommandInvocation invocation) {
        String text = invocation.argumentText();
        long number = notes(invocation).transactionResult(tx -> {
            long next = tx.nextSequence("notes");
            tx.put(NOTE_KEY + next, text);
            return next;
        });
        invocation.reply("stored " + number + ": " + text);
    }

    @Command(name = "notes", help = "Counts the notes kept.", maxArgs = 0)
    public void count(CommandInvocation invocation) {
        Map<String, String> notes = notes(invocation).entries(NOTE_KEY);
        invocation.reply(notes.size() + " note(s) kept");
    }

    private KeyValueStore notes(CommandInvocation invocation) {
        return context.storage().room(invocation.room().orElseThrow().roomJid());
    }
}
