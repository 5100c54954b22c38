package org.majordome.api.command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.majordome.api.event.BotEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;

/** One run of a command: who asked, where, with which arguments, and how to answer. */
public interface CommandInvocation {

    /** The command's spec (its canonical name, even when an alias was typed). */
    CommandSpec spec();

    /** The arguments, quotes removed and escapes resolved. */
    List<String> arguments();

    /** The argument at {@code index}, or empty when there are fewer. */
    default Optional<String> argument(int index) {
        List<String> arguments = arguments();
        return index >= 0 && index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    /**
     * The arguments from {@code index} on, joined by single spaces; empty when there are fewer. Handy for a
     * free-text last argument such as a reason.
     */
    default String argumentsFrom(int index) {
        List<String> arguments = arguments();
        return index >= arguments.size() ? "" : String.join(" ", arguments.subList(Math.max(0, index), arguments.size()));
    }

    /** Everything after the command name, as typed (quotes and escapes left in place), trimmed. */
    String argumentText();

    /** Who sent it. */
    CommandSender sender();

    /** The sender's permission level, as the permission stage decided it. */
    Permission senderPermission();

    /** Where it was sent from. */
    CommandScope scope();

    /** The room it was sent in or through; empty in a one-to-one chat. */
    Optional<RoomHandle> room();

    /** The message event that carried it. */
    BotEvent event();

    /**
     * Answers where the command came from: in the room (threaded to the command when possible), privately
     * through the room, or in the one-to-one chat. In the room the answer is addressed to the sender once, by the
     * {@link org.majordome.api.room.Addressing} rule: the runtime puts {@code "nick: "} first unless the text
     * names the sender already. So write {@code reply("pong")} (the room reads {@code "alice: pong"}) or
     * {@code reply(sender().displayName() + " rolled 3 + 4")} (read as written), never the nick followed by a
     * colon. Private and one-to-one answers are never addressed.
     */
    CompletionStage<ActionResult> reply(String text);

    /** Answers the sender only: a private message through the room, or the one-to-one chat. */
    CompletionStage<ActionResult> replyPrivately(String text);
}
