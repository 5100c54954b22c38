package org.majordome.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP relay on 127.0.0.1 in front of one local port, to take a network path away from one client while others
 * keep theirs: {@link #freeze()} stops relaying bytes (connections stay open, new ones are accepted and left
 * unanswered), as a network partition or a paused peer looks from the client; {@link #thaw()} relays again.
 * Connections are relayed by virtual threads; {@link #close()} ends them all.
 */
public final class TcpProxy implements AutoCloseable {

    private final int target;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** A lock, not a monitor: relays run on virtual threads, which a monitor's wait would pin on older JDKs. */
    private final ReentrantLock gate = new ReentrantLock();
    private final Condition thawed = gate.newCondition();
    private volatile boolean frozen;
    private volatile boolean closed;

    private TcpProxy(int target) {
        this.target = target;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getByName(LocalServers.LOOPBACK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + LocalServers.LOOPBACK, e);
        }
        Thread.ofVirtual().name("tcp-proxy-" + port()).start(this::accept);
    }

    /** A relay to {@code 127.0.0.1:targetPort}, accepting on a free port of its own. */
    public static TcpProxy to(int targetPort) {
        return new TcpProxy(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Stops relaying: what clients send waits, unanswered, until {@link #thaw()}. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        gate.lock();
        try {
            frozen = false;
            thawed.signalAll();
        } finally {
            gate.unlock();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        try {
            awaitThawed();
            Socket server = new Socket();
            sockets.add(server);
            server.connect(new InetSocketAddress(InetAddress.getByName(LocalServers.LOOPBACK), target));
            Thread.ofVirtual().start(() -> relay(client, server));
            relay(server, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitThawed();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: end the pair
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitThawed() throws InterruptedException {
        if (!frozen) {
            return;
        }
        gate.lock();
        try {
            while (frozen && !closed) {
                thawed.await();
            }
        } finally {
            gate.unlock();
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(this::closeQuietly);
    }
}
