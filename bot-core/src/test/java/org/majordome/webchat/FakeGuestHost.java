package org.majordome.webchat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.majordome.webchat.GuestHostVerbs.Command;
import org.majordome.webchat.GuestHostVerbs.Event;
import org.majordome.webchat.GuestHostVerbs.Received;

/**
 * A stand-in for {@link GuestHostMain} with no XMPP server behind it, for the life cycle's tests: it takes the
 * settings line, opens every session at once, says it joined when asked, and sends back what a visitor says as the
 * session's frame, so that a text makes the round trip through two processes' pipes.
 */
public final class FakeGuestHost {

    private FakeGuestHost() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        GuestHostLines.settings(in.readLine());
        String line;
        while ((line = in.readLine()) != null) {
            Received<Command> command = GuestHostVerbs.read(Command.class, GuestHostLines.fields(line));
            String id = command.session();
            String reply = switch (command.verb()) {
                case OPEN -> GuestHostVerbs.line(Event.OPENED, id);
                case JOIN -> GuestHostVerbs.line(Event.JOINED, id);
                case SAY -> GuestHostVerbs.line(Event.FRAME, id, command.argument(0));
                default -> null;
            };
            if (reply != null) {
                out.print(reply + "\n");
                out.flush();
            }
        }
    }
}
