package org.majordome.app;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a clean shutdown that ends with exit code 0: a JVM killed by the
 * default handler exits 143, which service managers record as a failure although nothing failed.
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    /** SIGHUP, the conventional "reread your configuration"; each signal runs the action once. */
    static void onHangup(Runnable reload) {
        Signal.handle(new Signal("HUP"), signal -> Thread.ofPlatform().name("reload").start(reload));
    }

    static void onTermination(Consumer<String> shutdown) {
        AtomicBoolean once = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (once.compareAndSet(false, true)) {
                    // Signal handlers run on a special thread; do the slow part on a normal one.
                    Thread.ofPlatform().name("shutdown").start(() -> shutdown.accept(signal.getName()));
                }
            });
        }
    }
}
