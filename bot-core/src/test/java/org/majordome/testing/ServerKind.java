package org.majordome.testing;

/** The XMPP servers the integration tests run against; each is a real, throwaway instance. */
public enum ServerKind {
    /** Prosody 0.12 (Debian's {@code prosody}), see {@link ProsodyServer}. */
    PROSODY("Prosody"),
    /** ejabberd 23.01 (Debian's {@code ejabberd}), see {@link EjabberdServer}. */
    EJABBERD("ejabberd");

    private final String displayName;

    ServerKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
