package org.majordome.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.testing.SocketVisitors;
import org.majordome.testing.SocketVisitors.SocketVisitor;

/**
 * The crowd of {@link WebSurgeHarness} in a JVM of its own, so that its CPU is not the bot's: {@code count} occupants
 * arrive at {@code arrive} a second (at most {@code joiners} entering at a time), spread round robin over the rooms,
 * and those in chat at {@code rate} messages a second in all. Two kinds:
 * <ul>
 *   <li>{@code kind=plain}: plain XMPP sessions ({@link RawLoadClient}, all on one account like the gateway's
 *   visitors, traffic read and thrown away), straight to the server: what any crowd of occupants costs the server
 *   and the machine, without the gateway;</li>
 *   <li>{@code kind=web}: simulated browsers (WebSocket clients) on the bot's web chat at {@code origin}, each of
 *   which the gateway turns into an XMPP session in the bot's JVM.</li>
 * </ul>
 * Prints {@code JOINED} for each occupant in, {@code FAILED <why>} for each who could not enter, {@code ALLDONE} once
 * every arrival is settled; stops (every session closed) and exits when its standard input closes.
 * <p>
 * Arguments: {@code kind=plain|web count= arrive= joiners= rate= rooms=a@x,b@x} and {@code host= port= user=
 * password=} (plain) or {@code origin=} (web).
 */
public final class CrowdMain {

    private final List<EntityBareJid> rooms;
    private final Semaphore entering;
    private final ExecutorService arrivals = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Speaker> speakers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<AutoCloseable> open = new ConcurrentLinkedQueue<>();
    private final AtomicInteger settled = new AtomicInteger();

    private CrowdMain(List<EntityBareJid> rooms, int joiners) {
        this.rooms = rooms;
        this.entering = new Semaphore(joiners);
    }

    /** One occupant who can say something in its room. */
    @FunctionalInterface
    private interface Speaker {
        void say(String text) throws Exception;
    }

    /** How one occupant enters (blocking until in, or throwing). */
    @FunctionalInterface
    private interface Entry {
        Speaker enter(int number, EntityBareJid room) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        HarnessArgs options = HarnessArgs.parse(args);
        List<EntityBareJid> rooms = new ArrayList<>();
        for (String room : options.text("rooms", "").split(",")) {
            rooms.add(JidCreate.entityBareFrom(room));
        }
        CrowdMain crowd = new CrowdMain(rooms, options.integer("joiners", 16));
        int count = options.integer("count", 500);
        int arrive = options.integer("arrive", 20);
        int rate = options.integer("rate", 20);
        SocketVisitors web = null;
        Entry entry;
        if ("web".equals(options.text("kind", "plain"))) {
            web = SocketVisitors.clientsOf(options.text("origin", ""));
            entry = crowd.webEntry(web);
        } else {
            entry = crowd.plainEntry(options.text("host", "127.0.0.1"), options.integer("port", 5222),
                    options.text("user", "crowd"), options.text("password", ""));
        }
        Thread.ofPlatform().daemon().name("crowd-arrivals").start(() -> crowd.arrive(entry, count, arrive));
        Thread chatter = Thread.ofPlatform().daemon().name("crowd-chatter").start(() -> crowd.chat(rate));
        try {
            while (System.in.read() >= 0) {
                // until the harness closes our input
            }
        } catch (IOException e) {
            // the harness went away
        }
        chatter.interrupt();
        crowd.arrivals.shutdownNow();
        for (AutoCloseable session : crowd.open) {
            try {
                session.close();
            } catch (Exception ignored) {
                // closing everything anyway
            }
        }
        if (web != null) {
            web.close();
        }
        System.exit(0);
    }

    private Entry plainEntry(String host, int port, String user, String password) {
        return (number, room) -> {
            RawLoadClient client = RawLoadClient.joinAt(host, port, user, password, "plain" + number, List.of(room));
            open.add(client);
            return text -> client.say(room, text);
        };
    }

    private Entry webEntry(SocketVisitors web) {
        return (number, room) -> {
            SocketVisitor visitor = web.visitor();
            open.add(visitor::close);
            visitor.join(room.toString(), "visitor" + number);
            visitor.awaitJoined();
            visitor.tap(text -> { });
            return visitor::say;
        };
    }

    private void arrive(Entry entry, int count, int perSecond) {
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int number = i;
            arrivals.submit(() -> {
                entering.acquireUninterruptibly();
                try {
                    speakers.add(entry.enter(number, rooms.get(number % rooms.size())));
                    report("JOINED");
                } catch (Exception | AssertionError e) {
                    report("FAILED " + e.toString().replace('\n', ' '));
                } finally {
                    entering.release();
                    if (settled.incrementAndGet() == count) {
                        report("ALLDONE");
                    }
                }
            });
            next += 1_000_000_000L / perSecond;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void chat(int perSecond) {
        if (perSecond <= 0) {
            return;
        }
        long next = System.nanoTime();
        int i = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!speakers.isEmpty()) {
                    i++;
                    speakers.get(i % speakers.size()).say("an ordinary occupant's message number " + i);
                }
                next += 1_000_000_000L / perSecond;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // an occupant dropped: the next one talks
            }
        }
    }

    private static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
