package org.majordome.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The bare Smack kicker of {@link KickLatencyHarness} in its own JVM (stock JVM options), so that its CPU time
 * and resident memory can be read from {@code /proc} and set beside the bot's: connects (SM off, TCP_NODELAY),
 * joins the rooms, prints {@code READY}, kicks whoever says its word, and exits when its standard input closes.
 * <p>
 * Arguments: {@code host port domain user password word quickack room...}.
 */
public final class FloorKickerMain {

    private FloorKickerMain() {
    }

    public static void main(String[] args) throws Exception {
        String word = args[5];
        boolean quickAck = Boolean.parseBoolean(args[6]);
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(args[2])
                .setHostAddress(InetAddress.getByName(args[0]))
                .setPort(Integer.parseInt(args[1]))
                .setUsernameAndPassword(args[3], args[4])
                .setResource("floor-process")
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(quickAck ? new HarnessClient.QuickAck() : new HarnessClient.NoDelay())
                .setConnectTimeout(20_000)
                .build());
        connection.setUseStreamManagement(false);
        connection.setReplyTimeout(20_000);
        connection.connect().login();
        connection.addSyncStanzaListener(stanza -> {
            Message message = (Message) stanza;
            if (message.getType() == Message.Type.groupchat && message.getBody() != null
                    && message.getBody().contains(word) && message.getFrom().hasResource()) {
                MUCAdmin kick = new MUCAdmin();
                kick.setType(IQ.Type.set);
                kick.setTo(message.getFrom().asBareJid());
                kick.addItem(new MUCItem(MUCRole.none, message.getFrom().getResourceOrThrow(), "spam"));
                try {
                    connection.sendStanza(kick);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, StanzaTypeFilter.MESSAGE);
        for (String room : List.of(args).subList(7, args.length)) {
            EntityBareJid jid = JidCreate.entityBareFrom(room);
            MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(jid).join(
                    MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(jid)
                            .getEnterConfigurationBuilder(Resourcepart.from(args[3])).requestNoHistory().build());
        }
        System.out.println("READY");
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // until the harness closes our input
            }
        } catch (IOException e) {
            // the harness went away
        }
        connection.instantShutdown();
        System.exit(0);
    }
}
