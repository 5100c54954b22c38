package org.majordome.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.testing.ProsodyServer;

/**
 * A background chatter that costs the harness almost nothing: a hand-written XMPP stream on a plain socket
 * (SASL PLAIN, bind, MUC presence) whose incoming traffic is read and thrown away unparsed. A Smack client
 * would parse every message of every room it is in, and that CPU would be taken from the bot under test.
 */
final class RawLoadClient implements AutoCloseable {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream to='" + ProsodyServer.DOMAIN
            + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawLoadClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Logs in and joins the rooms with this nick; returns once every join was confirmed (status 110). */
    static RawLoadClient join(ProsodyServer server, String user, String nick, List<EntityBareJid> rooms) {
        server.register(user, "bench-" + user);
        return joinRegistered(server, user, nick, rooms);
    }

    /**
     * {@link #join} for an account already registered by {@link #join} (on a server restarted since, too): no
     * {@code prosodyctl} run, which costs a process start each time.
     */
    static RawLoadClient joinRegistered(ProsodyServer server, String user, String nick, List<EntityBareJid> rooms) {
        return joinAt(server.host(), server.port(), user, "bench-" + user, nick, rooms);
    }

    /** {@link #joinRegistered} given the server's address alone (from a process of its own). */
    static RawLoadClient joinAt(String host, int port, String user, String password, String nick,
                                List<EntityBareJid> rooms) {
        try {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            RawLoadClient client = new RawLoadClient(socket);
            client.write(HEADER);
            client.readUntil("</stream:features>", 1);
            String credentials = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(UTF_8));
            client.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>");
            client.readUntil("<success", 1);
            client.write(HEADER);
            client.readUntil("</stream:features>", 1);
            client.write("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            client.readUntil("</iq>", 1);
            StringBuilder joins = new StringBuilder();
            for (EntityBareJid room : rooms) {
                joins.append("<presence to='").append(room).append('/').append(nick)
                        .append("'><x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>");
            }
            client.write(joins.toString());
            client.readUntil("code='110'", rooms.size());
            socket.setSoTimeout(0);
            Thread.ofPlatform().daemon().name("discard-" + user).start(client::discardForever);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(user + " cannot log in", e);
        }
    }

    /** Sends one groupchat message; the body must not need XML escaping. */
    synchronized void say(EntityBareJid room, String body) {
        write("<message type='groupchat' to='" + room + "'><body>" + body + "</body></message>");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private synchronized void write(String xml) {
        try {
            out.write(xml.getBytes(UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readUntil(String marker, int occurrences) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        int found = 0;
        int from = 0;
        while (found < occurrences) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("stream closed while waiting for " + marker + ": " + seen);
            }
            seen.append(new String(buffer, 0, read, UTF_8));
            int at;
            while ((at = seen.indexOf(marker, from)) >= 0) {
                found++;
                from = at + marker.length();
            }
            if (seen.indexOf("<failure") >= 0 || seen.indexOf("type='error'") >= 0) {
                throw new IOException("refused: " + seen);
            }
        }
    }

    private void discardForever() {
        byte[] buffer = new byte[65536];
        try {
            while (in.read(buffer) >= 0) {
                // background traffic: nothing to look at
            }
        } catch (IOException closed) {
            // the harness is done
        }
    }
}
