package org.majordome.store;

import java.nio.file.Path;

import org.majordome.api.storage.PluginStorage;

/**
 * Run in a child JVM by {@link KillDurabilityTest}: writes entries forever, printing a line after each
 * commit, until it is killed.
 */
public final class DurabilityWriter {

    static final String COMMITTED = "committed ";

    private DurabilityWriter() { }

    public static void main(String[] args) {
        Database database = Database.open(DatabaseSettings.embedded(Path.of(args[0])));
        PluginStorage storage = new StorageService(database).forPlugin("durability");
        for (long i = 0; ; i++) {
            long number = i;
            storage.transaction(tx -> {
                tx.put("entry:" + number, "value " + number);
                tx.nextSequence("entries");
            });
            System.out.println(COMMITTED + number);
            System.out.flush();
        }
    }
}
