package org.majordome.testing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy that forwards nothing: the browser is told to send everything that does not go to loopback through it,
 * so that every attempt to reach the network is refused here and recorded, for the harness to fail the tests
 * with what was attempted ({@code CONNECT update.googleapis.com:443 HTTP/1.1}...).
 */
final class OutboundTrap implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    OutboundTrap() {
        try {
            socket = new ServerSocket(0, 16, InetAddress.getByName(LocalServers.LOOPBACK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbound trap on loopback", e);
        }
        acceptor = Thread.ofVirtual().name("outbound-trap").start(this::accept);
    }

    /** The proxy address to give the browser. */
    String proxy() {
        return "http://" + LocalServers.LOOPBACK + ":" + socket.getLocalPort();
    }

    /** The first line of every request that reached the trap, in order. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** The attempts so far, which are then forgotten. */
    synchronized List<String> take() {
        List<String> taken = List.copyOf(attempts);
        attempts.removeAll(taken);
        return taken;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(2_000);
                String line = new BufferedReader(new InputStreamReader(client.getInputStream(), ISO_8859_1)).readLine();
                // A connection closed without a byte asked for no host: Chromium opens spare connections to its
                // proxy ahead of requests it may never make, and closes them unused when it quits (seen 3 times in
                // one class of two browsers). Nothing can leave through it, so it is not an attempt.
                if (line != null) {
                    attempts.add(line);
                }
            } catch (SocketTimeoutException silent) {
                // The same spare connection, still open and silent after the wait (seen twice in
                // BrowserHarnessIT on a loaded machine): no byte, no host asked, not an attempt.
            } catch (IOException closedOrSilent) {
                if (!socket.isClosed()) {
                    attempts.add("(a connection: " + closedOrSilent + ")");
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
