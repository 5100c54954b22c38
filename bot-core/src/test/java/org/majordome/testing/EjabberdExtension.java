package org.majordome.testing;

/**
 * One throwaway ejabberd per test class, as {@link ProsodyExtension} gives one Prosody: started before all its
 * tests, stopped after them. For a class that runs on every server, use {@link EveryServerExtension}.
 */
public final class EjabberdExtension extends ServerPerClassExtension<EjabberdServer> {

    /** A server with the default test configuration. */
    public EjabberdExtension() {
        this(EjabberdServer.builder());
    }

    public EjabberdExtension(EjabberdServer.Builder settings) {
        super(new ServerRun<>(ServerKind.EJABBERD, settings::build, started -> { }));
    }
}
