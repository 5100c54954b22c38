package org.majordome.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.junit.jupiter.api.Test;

/** What a guest session (a web visitor's) carries of a user's client: nothing it has no use for. */
class GuestConnectionsTest {

    /**
     * The bug: each visitor's session fetched a roster at login and put the library's capabilities (XEP-0115) in
     * every presence, which every other occupant's session in the bot's JVM (and the bot) parsed and recorded.
     */
    @Test
    void aGuestSessionFetchesNoRosterAndAdvertisesNoCapabilities() throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setUsernameAndPassword("visitors", "secret").build());
        assertThat(Roster.getInstanceFor(connection).isRosterLoadedAtLogin()).isTrue();
        assertThat(EntityCapsManager.getInstanceFor(connection).entityCapsEnabled()).isTrue();

        GuestConnections.trim(connection);

        assertThat(Roster.getInstanceFor(connection).isRosterLoadedAtLogin()).isFalse();
        assertThat(EntityCapsManager.getInstanceFor(connection).entityCapsEnabled()).isFalse();
    }
}
