package org.majordome.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The {@code check-config} command: validates a configuration file without connecting anywhere. */
public final class ConfigCheck {

    /** Exit code of a valid file. */
    public static final int VALID = 0;
    /** Exit code of a file with problems (or no file). */
    public static final int INVALID = 2;

    private ConfigCheck() {
    }

    /**
     * Loads the file and prints either a one-line summary or the report of every problem.
     *
     * @param file        the configuration file
     * @param environment where {@code ${VAR}} values come from, normally {@code System.getenv()}
     * @param report      where to print (the command's standard error)
     * @return {@link #VALID} or {@link #INVALID}, the process exit code
     */
    public static int check(Path file, Map<String, String> environment, PrintStream report) {
        try {
            BotConfig config = new ConfigLoader(environment).load(file);
            report.println(file + ": valid (" + config.connection().jid() + ", " + count(config.rooms().size(), "room")
                    + ", " + count(config.plugins().size(), "plugin section") + ")");
            return VALID;
        } catch (ConfigException invalid) {
            report.println(invalid.getMessage());
            return INVALID;
        }
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
