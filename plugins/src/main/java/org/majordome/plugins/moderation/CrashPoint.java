package org.majordome.plugins.moderation;

import java.util.Locale;

import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/**
 * For crash tests only: with the system property {@value #PROPERTY} set to a sanction's name ({@code ban},
 * {@code mute}...), the JVM halts, as {@code kill -9} would (no shutdown hook, nothing more written), the
 * moment the server confirms that sanction, before the plugin does anything else. It makes the worst moment
 * of a crash reproducible; unset (always, in production), it does nothing.
 */
final class CrashPoint {

    static final String PROPERTY = "majordome.test.halt-after-sanction";
    /** The exit status of a process killed by SIGKILL. */
    private static final int KILLED = 137;

    private CrashPoint() {
    }

    static void afterSanction(Sanction sanction) {
        String halt = System.getProperty(PROPERTY);
        if (halt != null && halt.toUpperCase(Locale.ROOT).equals(sanction.name())) {
            Runtime.getRuntime().halt(KILLED);
        }
    }
}
