package org.majordome.xmpp;

import java.util.Optional;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;

/**
 * How the bot presents itself to whoever asks its full JID: a XEP-0030 identity {@code client/bot} named
 * after the bot (clients show it as a bot, not as "Smack" on a PC), and a XEP-0092 software version, "Majordome"
 * and the runtime's version. The operating system is left out: nobody needs it to talk to a bot, and it only
 * tells attackers what to aim at.
 */
public final class SelfDescription {

    /** The software name in XEP-0092 answers. */
    public static final String SOFTWARE = "Majordome";
    /** The version of a build without a jar manifest (run from an IDE or from classes directories). */
    public static final String DEVELOPMENT_BUILD = "development build";

    private SelfDescription() {
    }

    /**
     * Sets the connection's identity and version; Smack keeps them across reconnections of the same connection.
     *
     * @param name the bot's name, e.g. its nickname in rooms
     */
    public static void announce(XmppSession session, String name) {
        announce(session.connection(), name, runtimeVersion());
    }

    static void announce(XMPPConnection connection, String name, String version) {
        ServiceDiscoveryManager.getInstanceFor(connection)
                .setIdentity(new DiscoverInfo.Identity("client", "bot", name, null));
        // Smack would otherwise append its own version ("1.0 (Smack 4.4.8)"), which is not the bot's.
        VersionManager.setAutoAppendSmackVersion(false);
        VersionManager.getInstanceFor(connection).setVersion(SOFTWARE, version);
    }

    /** The {@code Implementation-Version} of the runtime's jar, or {@value #DEVELOPMENT_BUILD}. */
    public static String runtimeVersion() {
        return Optional.ofNullable(SelfDescription.class.getPackage().getImplementationVersion())
                .orElse(DEVELOPMENT_BUILD);
    }
}
