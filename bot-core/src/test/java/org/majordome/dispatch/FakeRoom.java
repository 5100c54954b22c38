package org.majordome.dispatch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.majordome.api.event.Occupant;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.Feature;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;

/** An in-memory room that records what the bot did in it, as readable lines. */
final class FakeRoom implements RoomHandle {

    private final String roomJid;
    private final List<Occupant> occupants = new CopyOnWriteArrayList<>();
    private final Set<Feature> features = EnumSet.noneOf(Feature.class);
    final List<String> outbox = new CopyOnWriteArrayList<>();

    FakeRoom(String roomJid) {
        this.roomJid = roomJid;
    }

    FakeRoom with(Occupant occupant) {
        occupants.add(occupant);
        return this;
    }

    private CompletionStage<ActionResult> record(String line) {
        outbox.add(line);
        return CompletableFuture.completedFuture(ActionResult.DONE);
    }

    @Override
    public String roomJid() {
        return roomJid;
    }

    @Override
    public String botNick() {
        return "majordome";
    }

    @Override
    public boolean joined() {
        return true;
    }

    @Override
    public boolean supports(Feature feature) {
        return features.contains(feature);
    }

    @Override
    public List<Occupant> occupants() {
        return new ArrayList<>(occupants);
    }

    @Override
    public Optional<Occupant> occupant(String nick) {
        return occupants.stream().filter(o -> o.nick().equals(nick)).findFirst();
    }

    @Override
    public CompletionStage<ActionResult> send(String text) {
        return record("say: " + text);
    }

    @Override
    public CompletionStage<ActionResult> reply(MessageRef message, String text) {
        return record("reply to " + message.authorNick() + ": " + text);
    }

    @Override
    public CompletionStage<ActionResult> sendPrivate(String nick, String text) {
        return record("private to " + nick + ": " + text);
    }

    @Override
    public CompletionStage<ActionResult> kick(String nick, String reason) {
        return record("kick " + nick + ": " + reason);
    }

    @Override
    public CompletionStage<ActionResult> ban(String realBareJid, String reason) {
        return record("ban " + realBareJid + ": " + reason);
    }

    @Override
    public CompletionStage<ActionResult> unban(String realBareJid) {
        return record("unban " + realBareJid);
    }

    @Override
    public CompletionStage<ActionResult> grantVoice(String nick) {
        return record("voice " + nick);
    }

    @Override
    public CompletionStage<ActionResult> revokeVoice(String nick) {
        return record("mute " + nick);
    }

    @Override
    public CompletionStage<ActionResult> grantMembership(String realBareJid) {
        return record("member " + realBareJid);
    }

    @Override
    public CompletionStage<ActionResult> revokeMembership(String realBareJid) {
        return record("unmember " + realBareJid);
    }

    @Override
    public CompletionStage<ActionResult> grantAdmin(String realBareJid) {
        return record("admin " + realBareJid);
    }

    @Override
    public CompletionStage<ActionResult> revokeAdmin(String realBareJid) {
        return record("unadmin " + realBareJid);
    }

    @Override
    public CompletionStage<ActionResult> grantModerator(String nick) {
        return record("moderator " + nick);
    }

    @Override
    public CompletionStage<ActionResult> revokeModerator(String nick) {
        return record("unmoderator " + nick);
    }

    @Override
    public CompletionStage<ActionResult> setSubject(String text) {
        return record("subject: " + text);
    }

    @Override
    public CompletionStage<ActionResult> moderateMessage(String stanzaId, String reason) {
        return features.contains(Feature.MESSAGE_MODERATION) ? record("retract " + stanzaId + ": " + reason)
                : CompletableFuture.completedFuture(new ActionResult.NotSupported("no XEP-0425 in this fake"));
    }

    @Override
    public CompletionStage<ActionResult> invite(String jid, String reason) {
        return record("invite " + jid + ": " + reason);
    }
}
