package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jivesoftware.smack.XMPPException;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.console.ConsoleDenied;
import org.majordome.console.ConsolePage;
import org.majordome.console.ConsoleRequest;
import org.majordome.console.Operator;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * User scenario (issue 19): a room owner undoes a ban from the operator console's cases page, and the server lets
 * the banned person in again at once (XEP-0045 §9.2: the outcast affiliation removed, as {@code !unban} removes it);
 * an owner of another room gets a 403 for the case and its undo, and the ban stays. The page is called as the
 * console calls it, on the running bot (the browser's path to it is the console's own test).
 */
@Proves(Feature.MODERATION_ACTIONS)
@ClassTemplate
class ConsoleUndoBanIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    @Test
    void undoingABanFromTheCasesPageLetsTheBannedClientRejoin(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("consoleundo");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "moderation")
                .admin(boss.bareJid()).dataDirectory(Files.createTempDirectory(Path.of("target"), "console-undo-it"))
                .start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            boss.join(room, "boss");
            XmppTestClient raider = clients.connect("raider");
            raider.join(room, "raider");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().room(room.toString())
                    .map(handle -> handle.occupant("raider").isPresent()).orElse(false));

            boss.say(room, "!ban raider spam");
            XmppTestClient again = clients.connect("raider");
            await("the ban in force").atMost(Duration.ofSeconds(60)).until(() -> refused(again, room));

            ConsolePage cases = bot.bot().consolePage("sections").orElseThrow();
            String owner = "owner@" + servers.server().domain();
            Operator roomOwner = new Operator(owner, false, Set.of(room.toString()));
            Operator otherOwner = new Operator("other@" + servers.server().domain(), false, Set.of("other@example.org"));
            Map<String, String> undo = Map.of("room", room.toString(), "row", "1", "action", "unban");
            assertThat(cases.get(request(roomOwner, Map.of("room", room.toString(), "row", "1"))).toString())
                    .contains("Undo: lift the ban").contains(raider.bareJid().toString());
            assertThatThrownBy(() -> cases.post(request(otherOwner, undo)))
                    .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
            assertThat(refused(again, room)).as("the ban stays after the other owner's refused undo").isTrue();

            cases.post(request(roomOwner, undo));

            await("the banned client back in").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> !refused(again, room));
            assertThat(cases.get(request(roomOwner, Map.of("outcome", "1"))).toString())
                    .contains("<td>" + owner + " (console)</td>");
        }
    }

    private static ConsoleRequest request(Operator operator, Map<String, String> params) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, "cases", multi, "token");
    }

    /** Whether the server refuses this client's join (it is an outcast); a join that works is left again. */
    private static boolean refused(XmppTestClient client, EntityBareJid room) throws Exception {
        try {
            client.join(room, "raider-again").leave();
            return false;
        } catch (IllegalStateException failed) {
            if (failed.getCause() instanceof XMPPException.XMPPErrorException) {
                return true;
            }
            throw failed;
        }
    }
}
