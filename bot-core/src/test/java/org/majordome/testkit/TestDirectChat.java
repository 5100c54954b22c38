package org.majordome.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.MessageStanza;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.DirectChat;

/** One-to-one chats with the bot: a test writes to it as any JID and reads what it sent back. */
public final class TestDirectChat {

    /** A chat message the bot sent. */
    public record DirectMessage(String toJid, String text) {
        public DirectMessage {
            Objects.requireNonNull(toJid, "toJid");
            Objects.requireNonNull(text, "text");
        }
    }

    private final PluginTestKit kit;
    private final List<DirectMessage> sent = new CopyOnWriteArrayList<>();
    private final DirectChat handle = (jid, text) -> {
        sent.add(new DirectMessage(jid, text));
        return CompletableFuture.<ActionResult>completedFuture(ActionResult.DONE);
    };

    TestDirectChat(PluginTestKit kit) {
        this.kit = kit;
    }

    /**
     * Someone writes to the bot outside any room.
     *
     * @param fromJid the sender's full JID; a bare JID gets the resource {@code /client}
     */
    public DirectMessageReceivedEvent receive(String fromJid, String text) {
        String full = fromJid.contains("/") ? fromJid : fromJid + "/client";
        String bare = full.substring(0, full.indexOf('/'));
        DirectMessageReceivedEvent event = new DirectMessageReceivedEvent(full, bare, MessageStanza.ofBody(text),
                kit.clock().instant());
        kit.deliver(event);
        return event;
    }

    /** The user's client declares this language on its messages ({@code xml:lang}): answers to them follow it. */
    public TestDirectChat declaresLanguage(String fullJid, String xmlLang) {
        kit.senderLanguages().record(fullJid, xmlLang, true);
        return this;
    }

    /** Every chat message the bot sent, oldest first. */
    public List<DirectMessage> sent() {
        return List.copyOf(sent);
    }

    /**
     * The texts the bot sent to a JID, oldest first. A bare JID matches messages to any of its resources; a
     * full JID only those to that resource.
     */
    public List<String> sentTo(String jid) {
        String wanted = jid.toLowerCase(Locale.ROOT);
        return sent.stream().filter(message -> {
            String to = message.toJid().toLowerCase(Locale.ROOT);
            return to.equals(wanted) || (!wanted.contains("/") && to.startsWith(wanted + "/"));
        }).map(DirectMessage::text).toList();
    }

    /** What plugins hold as {@code context.directChat()}. */
    public DirectChat handle() {
        return handle;
    }
}
