package org.majordome.pubsub;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Set;

import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;

/**
 * What a plugin follows goes when the plugin stops (the runtime calls {@link PubSubService#release} then): its
 * followings stop listening to the connection, and another plugin's following of the same node stays. Scripts rely
 * on it too (a removed script's plugin is released); a script's reload closes its old version's followings itself.
 */
class PubSubServiceReleaseTest {

    private static final NodeAddress LIST = new NodeAddress("pubsub.example.org", "muc_bans_sha256");

    @Test
    void releasingAPluginClosesItsFollowingsOnly() {
        XMPPConnection connection = mock(XMPPConnection.class); // not authenticated: nothing is sent
        try (PubSubService service = new PubSubService(connection)) {
            service.forPlugin("rtbl").follow(LIST, new Silent());
            service.forPlugin("rtbl").follow(new NodeAddress("pubsub.example.org", "other"), new Silent());
            service.forPlugin("audit").follow(LIST, new Silent());
            ArgumentCaptor<StanzaListener> listeners = ArgumentCaptor.forClass(StanzaListener.class);
            verify(connection, times(3)).addSyncStanzaListener(listeners.capture(), any());
            List<StanzaListener> added = listeners.getAllValues();

            service.release("rtbl");

            verify(connection).removeSyncStanzaListener(added.get(0));
            verify(connection).removeSyncStanzaListener(added.get(1));
            verify(connection, never()).removeSyncStanzaListener(added.get(2));
        }
    }

    private static final class Silent implements NodeListener {
        @Override
        public void snapshot(Set<String> itemIds) {
        }

        @Override
        public void published(String itemId) {
        }

        @Override
        public void retracted(String itemId) {
        }
    }
}
