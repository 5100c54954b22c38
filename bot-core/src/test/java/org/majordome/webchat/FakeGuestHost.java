package org.majordome.webchat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
            List<String> f = GuestHostLines.fields(line);
            String reply = switch (f.get(0)) {
                case "open" -> GuestHostLines.line("opened", f.get(1));
                case "join" -> GuestHostLines.line("joined", f.get(1));
                case "say" -> GuestHostLines.line("frame", f.get(1), f.get(2));
                default -> null;
            };
            if (reply != null) {
                out.print(reply + "\n");
                out.flush();
            }
        }
    }
}
