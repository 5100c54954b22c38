package org.majordome.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Creates real users on an {@link XmppServer}: each call registers the account, connects and logs in.
 * Closing disconnects every client made here (the test extensions do it after each test); the
 * factory stays usable afterwards.
 */
public final class TestClients implements AutoCloseable {

    /** How clients reach the server. */
    public enum Transport {
        /** No TLS: fastest, and what most tests need. */
        PLAIN,
        /** STARTTLS required, verifying the server's generated certificate (as the bot's config does). */
        STARTTLS
    }

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger RESOURCE_COUNTER = new AtomicInteger();

    private final XmppServer server;
    private final List<XmppTestClient> clients = new CopyOnWriteArrayList<>();
    private volatile XmppTestClient observer;

    public TestClients(XmppServer server) {
        this.server = server;
    }

    /** Registers {@code user@localhost} (password {@code "secret-" + user}), connects and logs in. */
    public XmppTestClient connect(String user) {
        return connect(user, passwordOf(user), Transport.PLAIN);
    }

    public XmppTestClient connect(String user, Transport transport) {
        return connect(user, passwordOf(user), transport);
    }

    /** Registers (or resets) the account with this password, connects and logs in. */
    public XmppTestClient connect(String user, String password, Transport transport) {
        server.register(user, password);
        return connectExisting(user, password, transport);
    }

    /** Connects and logs in to an account that already exists, e.g. after a server restart. */
    public XmppTestClient connectExisting(String user, String password, Transport transport) {
        XmppTestClient client = XmppTestClient.connect(configuration(user, password, transport));
        clients.add(client);
        return client;
    }

    /** The password {@link #connect(String)} gives an account. */
    public static String passwordOf(String user) {
        return "secret-" + user;
    }

    /**
     * What an outsider sees of a room through disco#info (XEP-0045 §6.4), asked by a separate client that is
     * not in the room.
     */
    public RoomDiscoInfo roomInfo(EntityBareJid room) {
        DiscoverInfo info;
        try {
            info = ServiceDiscoveryManager.getInstanceFor(observer().connection()).discoverInfo(room);
        } catch (XMPPException | SmackException e) {
            throw new IllegalStateException("disco#info on " + room + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking disco#info of " + room, e);
        }
        Optional<String> title = info.getIdentities().stream()
                .filter(identity -> "conference".equals(identity.getCategory()))
                .map(DiscoverInfo.Identity::getName)
                .filter(name -> name != null && !name.isEmpty())
                .findFirst();
        Set<String> features = info.getFeatures().stream().map(DiscoverInfo.Feature::getVar)
                .collect(Collectors.toSet());
        Map<String, List<String>> fields = new HashMap<>();
        DataForm form = DataForm.from(info, "http://jabber.org/protocol/muc#roominfo");
        if (form != null) {
            for (FormField field : form.getFields()) {
                fields.put(field.getFieldName(), List.copyOf(field.getValuesAsString()));
            }
        }
        Optional<String> description = Optional.ofNullable(fields.get("muc#roominfo_description"))
                .filter(values -> !values.isEmpty())
                .map(List::getFirst)
                .filter(text -> !text.isEmpty());
        return new RoomDiscoInfo(title, description, features, fields);
    }

    /** Disconnects every client made by this factory. */
    @Override
    public void close() {
        clients.forEach(XmppTestClient::close);
        clients.clear();
        observer = null;
    }

    private synchronized XmppTestClient observer() {
        if (observer == null || !observer.connection().isAuthenticated()) {
            observer = connect("observer");
        }
        return observer;
    }

    private XMPPTCPConnectionConfiguration configuration(String user, String password, Transport transport) {
        try {
            XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain())
                    .setHostAddress(InetAddress.getByName(server.host()))
                    .setPort(server.port())
                    .setUsernameAndPassword(user, password)
                    // Unique, so that two clients of one account in a test never replace each other.
                    .setResource("test-" + RESOURCE_COUNTER.incrementAndGet())
                    .setConnectTimeout((int) REPLY_TIMEOUT.toMillis());
            if (transport == Transport.STARTTLS) {
                Path certificate = server.certificate().orElseThrow(() -> new IllegalStateException(
                        "no certificate for STARTTLS: openssl is needed to generate one"));
                builder.setSecurityMode(SecurityMode.required)
                        .setCustomX509TrustManager(TestCertificates.trusting(certificate));
            } else {
                builder.setSecurityMode(SecurityMode.disabled);
            }
            XMPPTCPConnectionConfiguration configuration = builder.build();
            return configuration;
        } catch (XmppStringprepException | UnknownHostException e) {
            throw new IllegalArgumentException("bad client settings for " + user + ": " + e, e);
        }
    }
}
