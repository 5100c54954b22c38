package org.majordome.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.SocketFactory;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.testing.ProsodyServer;

/**
 * A bare Smack connection for harnesses: TCP_NODELAY on (as the bot has it), stream management as asked, no
 * recording of stanzas (a harness client may receive tens of thousands).
 */
final class HarnessClient {

    private static final AtomicInteger RESOURCES = new AtomicInteger();

    private HarnessClient() {
    }

    static XMPPTCPConnection connect(ProsodyServer server, String user, boolean streamManagement) {
        return connect(server, user, streamManagement, false);
    }

    static XMPPTCPConnection connect(ProsodyServer server, String user, boolean streamManagement, boolean quickAck) {
        server.register(user, "bench-" + user);
        return connectRegistered(server, user, streamManagement, quickAck);
    }

    /** {@link #connect} for an account registered already (password {@code bench-<user>}): no prosodyctl run. */
    static XMPPTCPConnection connectRegistered(ProsodyServer server, String user, boolean streamManagement,
                                               boolean quickAck) {
        String password = "bench-" + user;
        try {
            XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain())
                    .setHostAddress(InetAddress.getByName(server.host()))
                    .setPort(server.port())
                    .setUsernameAndPassword(user, password)
                    .setResource("bench-" + RESOURCES.incrementAndGet())
                    .setSecurityMode(SecurityMode.disabled)
                    .setSocketFactory(quickAck ? new QuickAck() : new NoDelay())
                    .setConnectTimeout(20_000)
                    .build());
            connection.setUseStreamManagement(streamManagement);
            connection.setReplyTimeout(20_000);
            connection.connect().login();
            return connection;
        } catch (IOException | SmackException | XMPPException e) {
            throw new IllegalStateException(user + " cannot connect: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Joins (creating an instant room if needed) without history. */
    static MultiUserChat join(XMPPTCPConnection connection, EntityBareJid room, String nick) {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room);
        try {
            MucEnterConfiguration enter = muc.getEnterConfigurationBuilder(Resourcepart.from(nick))
                    .requestNoHistory().build();
            MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(enter);
            if (created != null) {
                created.makeInstant();
            }
            return muc;
        } catch (IOException | SmackException | XMPPException e) {
            throw new IllegalStateException(connection.getUser() + " cannot join " + room + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** TCP_NODELAY, and TCP_QUICKACK re-armed after every read (Linux turns it off again by itself). */
    static final class QuickAck extends NoDelay {
        @Override
        public Socket createSocket() throws SocketException {
            Socket socket = new Socket() {
                private java.io.InputStream wrapped;

                @Override
                public synchronized java.io.InputStream getInputStream() throws IOException {
                    if (wrapped == null) {
                        Socket self = this;
                        java.io.InputStream raw = super.getInputStream();
                        wrapped = new java.io.FilterInputStream(raw) {
                            @Override
                            public int read(byte[] buffer, int offset, int length) throws IOException {
                                int read = super.read(buffer, offset, length);
                                self.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
                                return read;
                            }
                        };
                    }
                    return wrapped;
                }
            };
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /** Plain sockets with Nagle's algorithm off. */
    static class NoDelay extends SocketFactory {
        @Override
        public Socket createSocket() throws SocketException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
