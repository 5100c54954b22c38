package org.majordome.room;

import java.util.Set;
import java.util.stream.Collectors;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a room offers (XEP-0030 §3.1 disco#info features: stable stanza ids, occupant ids, message
 * moderation), read after every join: a reconfiguration may change it.
 */
final class RoomFeatures {

    private static final Logger log = LoggerFactory.getLogger(RoomFeatures.class);

    private final EntityBareJid roomJid;
    private final XmppSession session;
    private volatile Set<String> features = Set.of();

    RoomFeatures(EntityBareJid roomJid, XmppSession session) {
        this.roomJid = roomJid;
        this.session = session;
    }

    /** Asks the room (waits for the server). */
    void discover() {
        try {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(session.connection()).discoverInfo(roomJid);
            features = info.getFeatures().stream().map(DiscoverInfo.Feature::getVar)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (SmackException | XMPPException e) {
            log.warn("Room {}: could not discover its features: {}", roomJid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The features as last discovered; empty before the first answer. */
    Set<String> all() {
        return features;
    }
}
