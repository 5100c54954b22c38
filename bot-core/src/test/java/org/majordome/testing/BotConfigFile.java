package org.majordome.testing;

/**
 * Pieces of the YAML configuration file for the bot account {@link BotUnderTest#ACCOUNT} on a throwaway server,
 * for the tests and harnesses that start the bot from a file, as users do.
 */
public final class BotConfigFile {

    private BotConfigFile() {
    }

    /**
     * The {@code connection:} section for the bot account, over plain TCP on loopback; more {@code connection}
     * keys may follow, indented by two spaces. The account must be registered ({@link XmppServer#register}).
     */
    public static String connection(XmppServer server) {
        return """
                connection:
                  jid: %s@%s
                  password: %s
                  host: %s
                  port: %d
                  tls: disabled
                """.formatted(BotUnderTest.ACCOUNT, server.domain(), BotUnderTest.PASSWORD, server.host(),
                server.port());
    }
}
