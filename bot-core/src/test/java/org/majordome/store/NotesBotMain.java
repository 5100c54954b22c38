package org.majordome.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.majordome.app.RunningBot;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigException;
import org.majordome.config.ConfigLoader;

/**
 * Run in a child JVM by {@link StorageCrashIT}: the real bot with the {@link NotesPlugin}, configured by the
 * YAML file named by the only argument (secrets from the environment), running until it is killed.
 */
public final class NotesBotMain {

    private NotesBotMain() {
    }

    public static void main(String[] args) throws ConfigException, InterruptedException {
        BotConfig config = new ConfigLoader(System.getenv()).load(Path.of(args[0]));
        RunningBot.start(config, List.of(), List.of(new NotesPlugin()));
        new CountDownLatch(1).await();   // until kill -9: no shutdown path on purpose
    }
}
