package org.majordome.webchat;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.ConnectionSettings;
import org.majordome.webchat.GuestHostVerbs.Command;
import org.majordome.webchat.GuestHostVerbs.Event;
import org.majordome.webchat.GuestHostVerbs.Received;
import org.majordome.xmpp.GuestConnections;
import org.slf4j.LoggerFactory;

/**
 * The guest host: a JVM of its own, started by the bot under {@code nice} ({@link GuestHost}), that runs the
 * visitors' XMPP sessions ({@link VisitorSession}, as in the bot) and nothing else. It reads the connection settings,
 * then commands, on its stdin, and writes the sessions' events on its stdout ({@link GuestHostLines}); every decision
 * (nicks, bans, limits, moderation) stays in the bot. Its own log goes to stderr, never into the protocol. It ends
 * when its stdin closes: the bot closed the gateway, or died.
 */
public final class GuestHostMain {

    private final EventLines out;
    private final HostedRooms rooms;

    private GuestHostMain(EventLines out, ConnectionSettings settings) {
        this.out = out;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("guest-host-timer").daemon().factory());
        this.rooms = new HostedRooms(new GuestConnections(settings), settings, out, Clock.systemUTC(), timer);
    }

    /** Runs the host on this process's stdin and stdout; no argument (the password comes on stdin). */
    public static void main(String[] args) throws Exception {
        // The protocol owns stdout: everything else that would print there (a console log appender) goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        String first = in.readLine();
        if (first == null) {
            return;
        }
        EventLines out = new EventLines(protocol);
        GuestHostMain host = new GuestHostMain(out, GuestHostLines.settings(first));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                host.command(GuestHostVerbs.read(Command.class, GuestHostLines.fields(line)));
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(GuestHostMain.class).warn("A command failed: {}", e.toString());
            }
        }
        // The bot closed the gateway or is gone: leave the rooms, then stop.
        host.rooms.closeAll();
        out.flushAndStop();
        System.exit(0);
    }

    private void command(Received<Command> command) {
        String id = command.session();
        switch (command.verb()) {
            case OPEN -> {
                try {
                    rooms.open(id, JidCreate.entityBareFrom(command.argument(0)),
                            Resourcepart.from(command.argument(1)), command.argument(2),
                            Locale.forLanguageTag(command.argument(3)));
                } catch (Exception e) {
                    out.send(Event.OPEN_FAILED, id, e.toString());
                }
            }
            case JOIN -> rooms.join(id);
            case SAY -> rooms.say(id, command.argument(0));
            case PRIVATE -> rooms.sendPrivate(id, command.argument(0), command.argument(1));
            case CLOSE -> rooms.close(id);
        }
    }
}
